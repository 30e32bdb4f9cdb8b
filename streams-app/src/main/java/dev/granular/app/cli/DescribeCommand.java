package dev.granular.app.cli;

import dev.granular.app.topology.StreamsRole;
import dev.granular.app.topology.TopologyDocs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.streams.Topology;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "describe", mixinStandardHelpOptions = true,
    description = "Print the ingest and compute topologies (Topology#describe) or, with --mermaid, its diagram; --out writes both files.")
final class DescribeCommand implements Callable<Integer> {
  @Option(names = "--mermaid", description = "Print the Mermaid diagram instead of the text.")
  boolean mermaid;

  @Option(names = "--out", paramLabel = "DIR", description = "Write topology.txt and topology.mmd into DIR.")
  Path out;

  @Override
  public Integer call() throws Exception {
    Map<StreamsRole, Topology> topology = TopologyDocs.defaultTopologies();
    if (out != null) {
      Files.createDirectories(out);
      Files.writeString(out.resolve(TopologyDocs.TEXT_FILE), TopologyDocs.text(topology), StandardCharsets.UTF_8);
      Files.writeString(out.resolve(TopologyDocs.MERMAID_FILE), TopologyDocs.mermaid(topology), StandardCharsets.UTF_8);
      Files.writeString(out.resolve("README.md"), TopologyDocs.readme(topology), StandardCharsets.UTF_8);
      System.out.println("wrote " + out.resolve(TopologyDocs.TEXT_FILE) + " and " + out.resolve(TopologyDocs.MERMAID_FILE));
      return 0;
    }
    System.out.print(mermaid ? TopologyDocs.mermaid(topology) : TopologyDocs.text(topology));
    return 0;
  }
}
