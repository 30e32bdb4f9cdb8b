package dev.granular.bench.chaos;

import dev.granular.bench.load.LoadConfig;

/**
 * The load every scenario of one `make chaos` runs: several small workspaces and a whale, with the generator's
 * restatements, re-sent messageIds, late events and invalid records. Default: just over 500,000 events.
 */
public enum ChaosSize {
  /** A quick check that the harness and every scenario work (a few minutes); its figures are not the report of record. */
  SMOKE(3, 3_000, 2, 300),
  DEFAULT(9, 30_000, 8, 2_000),
  FULL(9, 120_000, 8, 8_000);

  private final int smallWorkspaces;
  private final long eventsPerWorkspace;
  private final int whaleFactor;
  private final int whaleUsers;

  ChaosSize(int smallWorkspaces, long eventsPerWorkspace, int whaleFactor, int whaleUsers) {
    this.smallWorkspaces = smallWorkspaces;
    this.eventsPerWorkspace = eventsPerWorkspace;
    this.whaleFactor = whaleFactor;
    this.whaleUsers = whaleUsers;
  }

  /** The same records for every run (same seed and run id), so each faulty run has a clean twin. */
  public LoadConfig load(int maxPayloadBytes, int maxFieldLength) {
    return LoadConfig.builder().seed(10).runId("chaos").workspacePrefix("cw").smallWorkspaces(smallWorkspaces)
        .eventsPerWorkspace(eventsPerWorkspace).whaleFactor(whaleFactor).whaleUsers(whaleUsers).usersPerWorkspace(1_000)
        .segmentsPerWorkspace(12).userPropertiesPerWorkspace(4).maxPayloadBytes(maxPayloadBytes).maxFieldLength(maxFieldLength)
        .build();
  }

  public long events() {
    return eventsPerWorkspace * (smallWorkspaces + whaleFactor);
  }
}
