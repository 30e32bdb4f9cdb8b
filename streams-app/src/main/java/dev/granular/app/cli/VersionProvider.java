package dev.granular.app.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar manifest, written by the build. */
public final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String v = GranularCli.class.getPackage().getImplementationVersion();
    return new String[] {"granular " + (v == null ? "(development build)" : v)};
  }
}
