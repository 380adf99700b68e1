<#
.SYNOPSIS
    Collects, read-only, what rdp-doctor reads on the client that fails to connect, into one folder and a zip.

.DESCRIPTION
    Runs stock Windows commands only (reg, wevtutil, Test-NetConnection, ping, Resolve-DnsName,
    cmdkey, dsregcmd, Get-HotFix, and pathping when asked), copies the .rdp files it is given,
    writes each command's raw output to a file of its own, writes collection.txt saying what was
    collected and what could not be, and zips the folder. It changes nothing, installs nothing and
    sends nothing anywhere: copy the zip to where rdp-doctor runs, then

        rdp-doctor diagnose --evidence rdp-client-evidence-PC-....zip [CASE.yaml]

    Written for Windows 10 and 11 (and Windows Server 2016 to 2025 used as a client) with Windows
    PowerShell 5.1 as they ship it (Windows Server 2012 R2 needs WMF 5.1 installed first); it runs
    in PowerShell 7 too. It needs no administrator. The files hold what the
    client holds (the host's name, the user's saved credential names, addresses): look at them, or
    use rdp-doctor's --redact, before sharing them.

.PARAMETER Target
    The host the client connects to (name or address); the network tests need it.

.PARAMETER Port
    The host's RDP port (default 3389).

.PARAMETER Gateway
    The RD Gateway, when there is one: its port 443 is tested too.

.PARAMETER RdpFile
    .rdp files the user connects with; Default.rdp in Documents is taken as well.

.PARAMETER PathPing
    Also run pathping to the host, which takes a few minutes.

.PARAMETER OutputDirectory
    Where the folder and the zip are written (default: the current folder).

.EXAMPLE
    powershell -ExecutionPolicy Bypass -File .\Collect-RdpClientEvidence.ps1 -Target rdp01.corp.example -RdpFile .\rdp01.rdp
#>
#Requires -Version 5.1
[CmdletBinding()]
param(
    [string] $Target,
    [ValidateRange(1, 65535)] [int] $Port = 3389,
    [string] $Gateway,
    [string[]] $RdpFile = @(),
    [switch] $PathPing,
    [ValidateRange(1, 90)] [int] $Days = 7,
    [string] $OutputDirectory = (Get-Location).Path
)

Set-StrictMode -Version 2.0
$ErrorActionPreference = 'Continue'

$started = Get-Date
$name = 'rdp-client-evidence-{0}-{1}' -f $env:COMPUTERNAME, $started.ToString('yyyyMMdd-HHmmss')
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
        & wevtutil.exe qe $Log "/q:$query" /f:RenderedXml /c:500 /rd:true
    }
}

# The .rdp files, copied as they are (mstsc saves them in UTF-16LE).
$documents = [Environment]::GetFolderPath('MyDocuments')
$rdpFiles = @($RdpFile) + @(Join-Path $documents 'Default.rdp')
$index = 0
foreach ($file in $rdpFiles) {
    $index++
    $copy = 'rdp-{0}-{1}' -f $index, (Split-Path -Leaf $file)
    if (Test-Path -LiteralPath $file -PathType Leaf) {
        Copy-Item -LiteralPath $file -Destination (Join-Path $folder $copy)
        Add-Collected $copy "a copy of $file"
    } else {
        Add-NotCollected $copy "no such file: $file"
    }
}

# Registry: the client's CredSSP, NTLM and TLS policies, and its build.
Export-Key 'reg-CredSSP.reg' 'HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Policies\System\CredSSP'
Export-Key 'reg-Lsa.reg' 'HKLM\SYSTEM\CurrentControlSet\Control\Lsa'
Export-Key 'reg-SSLPolicy.reg' 'HKLM\SOFTWARE\Policies\Microsoft\Cryptography\Configuration\SSL'
Save-Output 'reg-CurrentVersion.txt' 'reg query "HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion"' {
    & reg.exe query 'HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion'
}

# Events: the RDP client's own log (its disconnect reasons), and Schannel's client-side errors.
Export-Events 'events-RDPClient.xml' 'Microsoft-Windows-TerminalServices-RDPClient/Operational' ''
Export-Events 'events-System.xml' 'System' 'Schannel'

# The network to the host, and to the gateway.
if ($Target) {
    Save-Output 'tnc.txt' "Test-NetConnection $Target -Port $Port" {
        Test-NetConnection -ComputerName $Target -Port $Port -WarningAction Continue 3>&1 | Format-List *
    }
    Save-Output 'ping.txt' "ping -n 20 $Target" { & ping.exe -n 20 $Target }
    Save-Output 'resolve.txt' "Resolve-DnsName $Target" { Resolve-DnsName -Name $Target -ErrorAction Stop | Format-Table -AutoSize }
    if ($PathPing) {
        Save-Output 'pathping.txt' "pathping -n $Target" { & pathping.exe -n -q 25 $Target }
    }
} else {
    Add-NotCollected 'tnc.txt, ping.txt, resolve.txt' 'no -Target given'
}
if ($Gateway) {
    Save-Output 'tnc-gateway.txt' "Test-NetConnection $Gateway -Port 443" {
        Test-NetConnection -ComputerName $Gateway -Port 443 -WarningAction Continue 3>&1 | Format-List *
    }
}

# Saved credentials (their names only), the join state, and the updates.
Save-Output 'cmdkey.txt' 'cmdkey /list' { & cmdkey.exe /list }
Save-Output 'dsregcmd.txt' 'dsregcmd /status' { & dsregcmd.exe /status }
Save-Output 'hotfix.txt' 'Get-HotFix, the newest ten' {
    Get-HotFix | Sort-Object InstalledOn -Descending | Select-Object -First 10 | Format-Table -AutoSize
}

# What was collected, and when: rdp-doctor reads the day, and whose machine it is, from here.
$os = Get-CimInstance -ClassName Win32_OperatingSystem
$note = @(
    'rdp-doctor evidence collection'
    ('Collected: {0}' -f $started.ToString('o'))
    ('Computer: {0}' -f $env:COMPUTERNAME)
    'Role: client'
    'Script: Collect-RdpClientEvidence.ps1 1'
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
