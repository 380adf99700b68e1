<#
.SYNOPSIS
    Collects, read-only, what rdp-doctor reads on a Remote Desktop host, into one folder and a zip.

.DESCRIPTION
    Runs stock Windows commands only (reg, wevtutil, certutil, icacls, qwinsta, quser, sc, change,
    winmgmt, dsregcmd, Get-ChildItem, Test-ComputerSecureChannel, Get-HotFix), writes each one's
    raw output to a file of its own, writes collection.txt saying what was collected and what
    could not be, and zips the folder. It changes nothing on the machine, installs nothing and
    sends nothing anywhere: copy the zip to where rdp-doctor runs, then

        rdp-doctor diagnose --evidence rdp-evidence-HOST-....zip [CASE.yaml]

    Written for Windows Server 2016, 2019, 2022 and 2025 (and Windows 10 and 11 as hosts) with
    Windows PowerShell 5.1 as they ship it; Windows Server 2012 R2 needs WMF 5.1 installed first.
    It runs in PowerShell 7 too, without Test-ComputerSecureChannel. Run it in an elevated PowerShell: the
    certificate key, the MachineKeys permissions and the WMI repository need an administrator.
    The files hold what the host's logs and settings hold (its name, user names in sessions and
    events): look at them, or use rdp-doctor's --redact, before sharing them.

.PARAMETER OutputDirectory
    Where the folder and the zip are written (default: the current folder).

.PARAMETER Days
    How many days of events to export (default 7, at most 90).

.PARAMETER MaxEvents
    At most this many events from each log (default 500).

.EXAMPLE
    powershell -ExecutionPolicy Bypass -File .\Collect-RdpEvidence.ps1 -OutputDirectory C:\Temp
#>
#Requires -Version 5.1
[CmdletBinding()]
param(
    [string] $OutputDirectory = (Get-Location).Path,
    [ValidateRange(1, 90)] [int] $Days = 7,
    [ValidateRange(1, 5000)] [int] $MaxEvents = 500
)

Set-StrictMode -Version 2.0
$ErrorActionPreference = 'Continue'

$started = Get-Date
$name = 'rdp-evidence-{0}-{1}' -f $env:COMPUTERNAME, $started.ToString('yyyyMMdd-HHmmss')
$folder = Join-Path $OutputDirectory $name
New-Item -ItemType Directory -Path $folder -Force | Out-Null
$collected = New-Object System.Collections.Generic.List[string]
$notCollected = New-Object System.Collections.Generic.List[string]

function Add-Collected([string] $File, [string] $What) {
    $collected.Add(('  {0,-36} {1}' -f $File, $What))
    Write-Host ('collected {0,-36} {1}' -f $File, $What)
}

function Add-NotCollected([string] $File, [string] $Why) {
    $notCollected.Add(('  {0,-36} {1}' -f $File, $Why))
    Write-Host ('skipped   {0,-36} {1}' -f $File, $Why)
}

# A command's output, as it prints it, in a file of its own (UTF-16LE with a byte order mark, as Out-File writes).
function Save-Output([string] $File, [string] $What, [scriptblock] $Command) {
    try {
        $text = & $Command 2>&1 | Out-String -Width 4096
        $text | Out-File -FilePath (Join-Path $folder $File) -Encoding Unicode
        Add-Collected $File $What
    } catch {
        Add-NotCollected $File ("{0}: {1}" -f $What, $_.Exception.Message)
    }
}

# A registry key and the keys in it, as reg export writes them (UTF-16LE with a byte order mark).
function Export-Key([string] $File, [string] $Key) {
    $null = & reg.exe export $Key (Join-Path $folder $File) /y 2>&1
    if ($LASTEXITCODE -eq 0) {
        Add-Collected $File ('reg export "{0}"' -f $Key)
    } else {
        Add-NotCollected $File ('reg export "{0}": the key is not on this machine' -f $Key)
    }
}

# Events of one log since -Days ago, newest first, with their messages (wevtutil qe /f:RenderedXml).
function Export-Events([string] $File, [string] $Log, [string] $Providers) {
    $since = [int64] $Days * 86400000
    $query = "*[System[TimeCreated[timediff(@SystemTime) <= $since]]]"
    if ($Providers) {
        $names = ($Providers -split ',' | ForEach-Object { "@Name='$($_.Trim())'" }) -join ' or '
        $query = "*[System[Provider[$names] and TimeCreated[timediff(@SystemTime) <= $since]]]"
    }
    $null = & wevtutil.exe gli $Log 2>&1
    if ($LASTEXITCODE -ne 0) {
        Add-NotCollected $File ('the log {0} is not on this machine' -f $Log)
        return
    }
    Save-Output $File ('wevtutil qe {0} (last {1} days)' -f $Log, $Days) {
        & wevtutil.exe qe $Log "/q:$query" /f:RenderedXml "/c:$MaxEvents" /rd:true
    }
}

# The certificates of a store, with dates in ISO 8601 so that no culture's short date is read wrong.
function Export-Certificates([string] $File, [string] $Store) {
    Save-Output $File ("Get-ChildItem '{0}' | ConvertTo-Json" -f $Store) {
        $listed = @(Get-ChildItem -Path $Store -ErrorAction Stop | ForEach-Object {
            [pscustomobject] @{
                Subject       = $_.Subject
                Issuer        = $_.Issuer
                Thumbprint    = $_.Thumbprint
                NotBefore     = $_.NotBefore.ToUniversalTime().ToString('o')
                NotAfter      = $_.NotAfter.ToUniversalTime().ToString('o')
                HasPrivateKey = $_.HasPrivateKey
                DnsNameList   = @($_.DnsNameList | ForEach-Object { $_.Unicode })
                PSParentPath  = $_.PSParentPath
            }
        })
        if ($listed.Count -eq 0) { '[]' } else { ConvertTo-Json -InputObject $listed -Depth 3 }
    }
}

# Registry: the listener and its settings, the policies over them, TLS, FIPS, NTLM, CredSSP, the OS build.
Export-Key 'reg-TerminalServer.reg' 'HKLM\SYSTEM\CurrentControlSet\Control\Terminal Server'
Export-Key 'reg-TerminalServicesPolicy.reg' 'HKLM\SOFTWARE\Policies\Microsoft\Windows NT\Terminal Services'
Export-Key 'reg-SCHANNEL.reg' 'HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL'
Export-Key 'reg-Lsa.reg' 'HKLM\SYSTEM\CurrentControlSet\Control\Lsa'
Export-Key 'reg-CredSSP.reg' 'HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Policies\System\CredSSP'
Export-Key 'reg-SSLPolicy.reg' 'HKLM\SOFTWARE\Policies\Microsoft\Cryptography\Configuration\SSL'
Save-Output 'reg-CurrentVersion.txt' 'reg query "HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion"' {
    & reg.exe query 'HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion'
}

# Events: the System log's certificate, TLS, domain controller and TCP port errors, and the Remote Desktop logs.
Export-Events 'events-System.xml' 'System' 'Schannel, Microsoft-Windows-TerminalServices-RemoteConnectionManager, TermDD, Microsoft-Windows-TerminalServices-LocalSessionManager, NETLOGON, Microsoft-Windows-GroupPolicy, Tcpip'
Export-Events 'events-RemoteConnectionManager.xml' 'Microsoft-Windows-TerminalServices-RemoteConnectionManager/Operational' ''
Export-Events 'events-LocalSessionManager.xml' 'Microsoft-Windows-TerminalServices-LocalSessionManager/Operational' ''
Export-Events 'events-RdpCoreTS.xml' 'Microsoft-Windows-RemoteDesktopServices-RdpCoreTS/Operational' ''
Export-Events 'events-Gateway.xml' 'Microsoft-Windows-TerminalServices-Gateway/Operational' ''

# Certificates: the listener's own store, and the Personal store a chosen certificate lives in.
Save-Output 'certutil-RemoteDesktop.txt' 'certutil -store "Remote Desktop"' { & certutil.exe -store 'Remote Desktop' }
Save-Output 'certutil-My.txt' 'certutil -store My' { & certutil.exe -store My }
Export-Certificates 'cert-RemoteDesktop.json' 'Cert:\LocalMachine\Remote Desktop'
Export-Certificates 'cert-My.json' 'Cert:\LocalMachine\My'

# Key access: the MachineKeys folder, and the key file of the listener's certificate.
$machineKeys = Join-Path $env:ProgramData 'Microsoft\Crypto\RSA\MachineKeys'
Save-Output 'icacls-MachineKeys.txt' "icacls $machineKeys" { & icacls.exe $machineKeys }
$rdpKey = $null
try {
    $certificate = Get-ChildItem -Path 'Cert:\LocalMachine\Remote Desktop' -ErrorAction Stop | Select-Object -First 1
    if ($certificate -and $certificate.HasPrivateKey) {
        $rdpKey = $certificate.PrivateKey.CspKeyContainerInfo.UniqueKeyContainerName
    }
} catch {
    $rdpKey = $null
}
if ($rdpKey) {
    $keyFile = Join-Path $machineKeys $rdpKey
    Save-Output 'icacls-RdpKey.txt' "icacls $keyFile" { & icacls.exe $keyFile }
} else {
    Add-NotCollected 'icacls-RdpKey.txt' 'the Remote Desktop certificate, or its key, cannot be read'
}

# Sessions, services, logons.
Save-Output 'qwinsta.txt' 'qwinsta' { & qwinsta.exe }
Save-Output 'quser.txt' 'quser' { & quser.exe }
foreach ($service in 'TermService', 'SessionEnv', 'UmRdpService', 'KeyIso') {
    Save-Output "sc-$service.txt" "sc query $service" { & sc.exe query $service }
}
Save-Output 'change-logon.txt' 'change logon /query' { & change.exe logon /query }
Save-Output 'winmgmt.txt' 'winmgmt /verifyrepository' { & winmgmt.exe /verifyrepository }

# Domain and updates.
Save-Output 'dsregcmd.txt' 'dsregcmd /status' { & dsregcmd.exe /status }
if ((Get-CimInstance -ClassName Win32_ComputerSystem).PartOfDomain) {
    Save-Output 'securechannel.txt' 'Test-ComputerSecureChannel -Verbose' { Test-ComputerSecureChannel -Verbose 4>&1 }
} else {
    Add-NotCollected 'securechannel.txt' 'the host is not joined to a domain'
}
Save-Output 'hotfix.txt' 'Get-HotFix, the newest ten' {
    Get-HotFix | Sort-Object InstalledOn -Descending | Select-Object -First 10 | Format-Table -AutoSize
}

# What was collected, and when: rdp-doctor reads the day from here.
$os = Get-CimInstance -ClassName Win32_OperatingSystem
$note = @(
    'rdp-doctor evidence collection'
    ('Collected: {0}' -f $started.ToString('o'))
    ('Computer: {0}' -f $env:COMPUTERNAME)
    'Role: host'
    'Script: Collect-RdpEvidence.ps1 1'
    ('Windows: {0} {1}' -f $os.Caption, $os.Version)
    ('PowerShell: {0}' -f $PSVersionTable.PSVersion)
    'Files:'
) + $collected + @('Not collected:') + $notCollected
$note | Out-File -FilePath (Join-Path $folder 'collection.txt') -Encoding Unicode

$zip = "$folder.zip"
Compress-Archive -Path $folder -DestinationPath $zip -Force
Write-Host ''
Write-Host ('{0} files collected, {1} not; nothing was changed and nothing was sent.' -f $collected.Count, $notCollected.Count)
Write-Host "Folder: $folder"
Write-Host "Zip:    $zip"
Write-Host "Next, where rdp-doctor runs: rdp-doctor diagnose --evidence $name.zip"
