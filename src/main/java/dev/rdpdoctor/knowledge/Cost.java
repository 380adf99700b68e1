package dev.rdpdoctor.knowledge;

import dev.rdpdoctor.yaml.Spelled;

/** What it takes to answer a question, cheapest first. */
public enum Cost implements Spelled {
  /** Something the user can see: the error dialog, the client, a test from another place. */
  LOW,
  /** A look on the host with admin rights: event log, registry, certificate store. */
  MEDIUM,
  /** A change or disruption to find out: a registry edit, a service restart, a reboot. */
  HIGH
}
