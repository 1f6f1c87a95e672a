package fr.jalon.bench.jmh;

import fr.jalon.accounting.FecReader;
import fr.jalon.bench.generator.FecWriter;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * In-process: reading a FEC of {@value #LINES} generated lines from memory, Jalon's reader (charset
 * and separator sniffing, 18 to 22 columns, amounts and dates parsed and checked, a refused line
 * with its reason) against its floor, the least any reader does: the lines decoded and split on
 * the tab.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class FecReadBenchmark {
  public static final int LINES = 20_000;

  private byte[] fec;

  @Setup(Level.Trial)
  public void write() throws IOException {
    Path file = Files.createTempFile("jalon-jmh-", ".txt");
    try {
      FecWriter.write(file, 42, 1, LINES, LocalDate.of(2021, 1, 1), LocalDate.of(2025, 12, 31), expected -> {});
      fec = Files.readAllBytes(file);
    } finally {
      Files.deleteIfExists(file);
    }
  }

  @Benchmark
  public FecReader.Summary jalon(Blackhole hole) {
    return FecReader.read(new ByteArrayInputStream(fec), hole::consume, hole::consume);
  }

  @Benchmark
  public int floor(Blackhole hole) throws IOException {
    int lines = 0;
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(new ByteArrayInputStream(fec), StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        hole.consume(line.split("\t", -1));
        lines++;
      }
    }
    return lines;
  }
}
