package dev.granular.bench;

import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * One step of P6: an offered rate held through a warm-up, and what was measured over the measured period after it.
 * Every measurement may be missing (a process or file that could not be read); the report says "not measured".
 *
 * @param achievedRate     records the producer sent during the measured period, per second
 * @param freshness        small workspaces' freshness in the measured period; null when no plan of theirs completed
 * @param appCpuCores      the app process's CPU time over the measured period divided by its length (2.0: both cores)
 * @param machineCpuBusy   share of the machine's CPU time that was busy (app, benchmark, Kafka, ClickHouse), 0 to 1
 * @param rssBytes         the app's resident set (VmRSS) at the end of the measured period
 * @param backlogSeconds   events the app had not yet read at the end of the measured period, in seconds of the
 *                         offered rate: how far ingest had fallen behind
 * @param plansPerSecond   plans of every workspace that completed in the measured period, per second: with a plan per
 *                         workspace per cycle, how often each workspace can be brought up to date
 */
public record CapacityStep(long offeredRate, double achievedRate, Freshness.Stats freshness, OptionalDouble appCpuCores,
    OptionalDouble machineCpuBusy, OptionalLong rssBytes, OptionalDouble backlogSeconds, OptionalDouble plansPerSecond) {

  /** The producer fell more than 5 % short of the offered rate: the step measured less load than it names. */
  public boolean underProduced() {
    return achievedRate < 0.95 * offeredRate;
  }
}
