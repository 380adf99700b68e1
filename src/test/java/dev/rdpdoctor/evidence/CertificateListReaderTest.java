package dev.rdpdoctor.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CertificateListReaderTest {

  private final CertificateListReader reader = new CertificateListReader();

  @Test
  void certutilsStoreListingGivesEachCertificateWithPowerShellsNamesAndIsoDays() {
    FileReading r = Exports.read(reader, "certutil-store-RemoteDesktop.txt");
    assertThat(r.errors()).isEmpty();
    Observation.Listed c = (Observation.Listed) r.observations().get(0);
    assertThat(c.where()).isEqualTo("Cert:\\LocalMachine\\Remote Desktop");
    assertThat(c.properties()).containsEntry("NotAfter", "2026-11-18").containsEntry("NotBefore", "2026-05-19")
        .containsEntry("Subject", "CN=rdp01.corp.example").containsEntry("Issuer", "CN=rdp01.corp.example")
        .containsEntry("Thumbprint", "3F2A9C0D5B7E1A4C8F6D2B9E0A1C3D5F7B9E2A4C").containsEntry("HasPrivateKey", "True")
        .containsEntry("UniqueContainerName", "f686aace6942fb7f7ceb231212eef4a4_c5d2b8a4-3b8e-4f0a-9d6e-1a2b3c4d5e6f");
    assertThat(c.origin()).isEqualTo(new Origin("certutil-store-RemoteDesktop.txt", 2,
        "certificate 3F2A9C0D5B7E1A4C8F6D2B9E0A1C3D5F7B9E2A4C in Cert:\\LocalMachine\\Remote Desktop"));
  }

  @Test
  void certutilsListingOfAnEmptyStoreIsReadAndListsNothing() {
    FileReading r = Exports.readText(reader, "c.txt", "Remote Desktop \"Remote Desktop\"\r\n"
        + "CertUtil: -store command completed successfully.\r\n");
    assertThat(r.errors()).isEmpty();
    assertThat(r.observations()).isEmpty();
  }

  @Test
  void formatListOfACertificateNamesItsStoreFromItsParentPath() {
    FileReading r = Exports.readText(reader, "fl.txt", "\r\n\r\nPSParentPath : Microsoft.PowerShell.Security\\Certificate::"
        + "LocalMachine\\My\r\nSubject      : CN=rdp01.corp.example\r\nThumbprint   : 3F2A9C0D5B7E1A4C8F6D2B9E0A1C3D5F7B9E2A4C\r\n"
        + "NotAfter     : 20.11.2027 08:00:00\r\nDnsNameList  : {rdp01.corp.example, rdp01}\r\n");
    Observation.Listed c = (Observation.Listed) r.observations().get(0);
    assertThat(c.where()).isEqualTo("Cert:\\LocalMachine\\My");
    assertThat(c.properties()).containsEntry("NotAfter", "2027-11-20").containsEntry("DnsNameList", "rdp01.corp.example, rdp01");
  }

  @Test
  void aDateWhoseDayAndMonthCannotBeToldApartIsLeftOutWithAWarning() {
    FileReading r = Exports.readText(reader, "c.txt", "My \"Personal\"\r\n================ Certificate 0 ================\r\n"
        + " NotAfter: 05/06/2027 08:00\r\nCert Hash(sha1): 3f 2a 9c\r\n");
    assertThat(r.errors()).singleElement().satisfies(e -> {
      assertThat(e.isError()).isFalse();
      assertThat(e.line()).isEqualTo(3);
    });
    assertThat(((Observation.Listed) r.observations().get(0)).properties()).doesNotContainKey("NotAfter")
        .containsEntry("Thumbprint", "3F2A9C");
  }
}
