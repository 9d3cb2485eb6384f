package io.github.cxkpi.cli;

import io.github.cxkpi.event.CaseEvent;
import io.github.cxkpi.drivers.Drivers;
import io.github.cxkpi.scorecard.Scorecard;
import io.github.cxkpi.scorecard.ScorecardReport;
import io.github.cxkpi.scorecard.Segmenter;
import io.github.cxkpi.scorecard.WindowScheme;
import io.github.cxkpi.spi.KpiRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.zip.GZIPInputStream;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The {@code cxkpi} command.
 *
 * <p>Exit codes: 0 when the report was written (bad rows skipped and counted, unless
 * {@code --strict}); 1 when the input cannot be used: a bad row with {@code --strict}, bytes
 * that are not in the input's encoding, a CSV header that is unknown, repeated or lacks a
 * required column, an unreadable file; 2 for a usage error: an unknown option, a bad option
 * value, a file that does not exist. Options are checked before any input is read or any output
 * written, and the output file is written whole to a temporary file beside it and then moved
 * into place, so that a failed run leaves an existing file as it was.
 */
@Command(name = "cxkpi", mixinStandardHelpOptions = true, version = "cxkpi 0.1.0-SNAPSHOT",
    description = "Customer-experience KPIs from the command line.",
    subcommands = {Main.Report.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  /** Exit code of a run that could not use its input. */
  static final int BAD_INPUT = 1;

  /** Exit code of a usage error. */
  static final int USAGE = 2;

  /** Bad rows listed on standard error before the rest are only counted. */
  static final int LISTED_BAD_ROWS = 10;

  /** For picocli; use {@link #main} or {@link #run}. */
  public Main() {}

  /**
   * Runs the command line.
   *
   * @param args the arguments
   */
  public static void main(String[] args) {
    System.exit(run(args, System.in, System.out, System.err));
  }

  /**
   * Runs the command line with the given streams (for tests).
   *
   * @param args the arguments
   * @param in standard input
   * @param out standard output
   * @param err standard error
   * @return the exit code: 0 ok, 1 bad input (see the class comment), 2 bad usage
   */
  public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
    // Each run's report gets this run's streams: no static state, so runs may overlap (tests).
    CommandLine.IFactory factory = new CommandLine.IFactory() {
      @Override
      public <K> K create(Class<K> cls) throws Exception {
        return cls == Report.class ? cls.cast(new Report(in, out, err))
            : CommandLine.defaultFactory().create(cls);
      }
    };
    CommandLine cl = new CommandLine(new Main(), factory).setCaseInsensitiveEnumValuesAllowed(true);
    cl.setOut(new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true));
    cl.setErr(new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true));
    cl.setExecutionExceptionHandler((e, c, p) -> {
      c.getErr().println("cxkpi: " + e.getMessage());
      return BAD_INPUT;
    });
    return cl.execute(args);
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code cxkpi report}: the scorecard of a file of interactions. */
  @Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
      description = {
        "Reads interactions (survey responses and service contacts) from CSV or JSON Lines and "
            + "prints the scorecard: every KPI per segment and window, with its confidence "
            + "interval and the change against the previous window.",
        "",
        "CSV columns (header required, any order): kind (survey|contact), customer_id, instant "
            + "(ISO-8601, e.g. 2026-03-02T09:15:00Z), channel, stage (awareness|consideration|"
            + "purchase|post-purchase), touchpoint, question (nps|csat|ces|fcr), score (empty = "
            + "blank answer), weight, reason, case_id, agent, resolved (true|false), attr.NAME.",
        "JSON Lines: one object per line with the same names; text fields are JSON strings, "
            + "score a JSON integer, weight a JSON number, resolved a JSON boolean.",
        "",
        "A bad row (malformed, of the wrong type, an unclosed quote, a value off its scale or "
            + "range) is skipped and counted: the first " + LISTED_BAD_ROWS + " are listed on "
            + "standard error with their line numbers. Exit codes: 0 report written; 1 input "
            + "unusable (a bad row with --strict, bytes not in --encoding, a bad CSV header); "
            + "2 usage error.",
        "",
        "Examples:",
        "  cxkpi report --sample",
        "  cxkpi report --sample itsm --kpis ttr --window month",
        "  cxkpi report interactions.csv --segment channel --window month --format html "
            + "--output report.html",
        "  zcat big.jsonl.gz | cxkpi report - --input-format jsonl --segment stage "
            + "--window rolling:28 --format json",
        ""})
  static final class Report implements Callable<Integer> {
    private static final String BOTANIC = "botanic";
    private static final String ITSM = "itsm";
    private final InputStream stdin;
    private final PrintStream stdout;
    private final PrintStream stderr;

    Report(InputStream stdin, PrintStream stdout, PrintStream stderr) {
      this.stdin = stdin;
      this.stdout = stdout;
      this.stderr = stderr;
    }

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE",
        description = "Input file (.csv, .jsonl, optionally .gz); '-' or none for standard input.")
    @Nullable String file;

    @Option(names = "--sample", arity = "0..1", fallbackValue = "botanic", paramLabel = "NAME",
        description = "Use a bundled sample: botanic (the default), a real garden-centre NPS and "
            + "satisfaction survey (13,936 respondents, CC0); itsm, 890 real ServiceNow "
            + "incidents as closed case rows (CC BY 4.0), for the service times. See "
            + "--sample-info.")
    @Nullable String sample;

    @Option(names = "--sample-info", description = "Print where the sample comes from and exit.")
    boolean sampleInfo;

    @Option(names = "--input-format", paramLabel = "csv|jsonl",
        description = "Input format (default: from the file name; csv for standard input).")
    InteractionReader.@Nullable Format inputFormat;

    @Option(names = "--encoding", defaultValue = "UTF-8", paramLabel = "CHARSET",
        description = "The input's character encoding (default: ${DEFAULT-VALUE}); bytes that "
            + "are not valid in it stop the run with their line number.")
    String encoding = "UTF-8";

    @Option(names = "--kpis", split = ",", paramLabel = "ID",
        description = "KPIs to compute (default all): nps, csat, ces, fcr, fcr-repeat.")
    List<String> kpis = new ArrayList<>();

    @Option(names = "--segment", split = ",", paramLabel = "FIELD",
        description = "Segment by channel, stage, touchpoint or attr:NAME; several combine "
            + "(default: no segmentation).")
    List<String> segments = new ArrayList<>();

    @Option(names = "--window", paramLabel = "day|week|month|rolling:N", defaultValue = "week",
        description = "Windows: calendar day, ISO week, month, or the last N days every day "
            + "(default: ${DEFAULT-VALUE}).")
    String window = "week";

    @Option(names = "--zone", defaultValue = "UTC", paramLabel = "ZONE",
        description = "Time zone of calendar windows (default: ${DEFAULT-VALUE}).")
    String zone = "UTC";

    @Option(names = "--lateness", paramLabel = "DURATION",
        description = "Interactions older than the newest seen minus this (e.g. PT24H) are "
            + "counted as late and not used (default: no limit).")
    @Nullable Duration lateness;

    @Option(names = "--level", defaultValue = "0.95",
        description = "Confidence level (default: ${DEFAULT-VALUE}).")
    double level = 0.95;

    @Option(names = "--nps-scale", paramLabel = "MIN..MAX", description = "NPS scale "
        + "(default 0..10; 1..10 for 1-10 surveys).")
    @Nullable String npsScale;

    @Option(names = "--csat-scale", paramLabel = "MIN..MAX", description = "CSAT scale "
        + "(default 1..5; the botanic sample uses 1..10). Satisfied = the top two answers.")
    @Nullable String csatScale;

    @Option(names = "--drivers", paramLabel = "OUTCOME=FACTOR,...", description = "Key drivers: "
        + "the outcome question and the factor questions (default nps=the eight common factors "
        + "(accessibility, competence, customer_recognition, helpfulness, personalization, "
        + "problem_solving, promise_fulfilment, value_for_time)" + "; the botanic sample: nps=csat). The outcome nps is on --nps-scale.")
    @Nullable String drivers;

    @Option(names = "--drivers-scale", paramLabel = "MIN..MAX", description = "Scale of the "
        + "driver factors, and of an outcome other than nps (default 1..10).")
    @Nullable String driversScale;

    @Option(names = "--ces1", description = "CES 1.0 (1-5, lower is better) instead of CES 2.0.")
    boolean ces1;

    @Option(names = "--format", defaultValue = "table", paramLabel = "table|json|csv|html",
        description = "Output format (default: ${DEFAULT-VALUE}).")
    String format = "table";

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
        description = "Write the report to FILE (default: standard output).")
    @Nullable Path output;

    @Option(names = "--strict", description = "Stop at the first bad row (default: skip bad "
        + "rows, report each on standard error with its line number, and count them).")
    boolean strict;

    @Option(names = "--threads", paramLabel = "N", description = "Threads that parse and "
        + "aggregate (default: the available processors, at most 8); 1 reads on one thread. "
        + "With --lateness the read is always on one thread: lateness depends on row order.")
    @Nullable Integer threads;

    @Option(names = {"-q", "--quiet"}, description = "No progress line on standard error.")
    boolean quiet;

    @Override
    public Integer call() throws IOException {
      if (sampleInfo) {
        try (InputStream s = resource("samples/botanic-PROVENANCE.txt")) {
          stdout.write(s.readAllBytes());
        }
        stdout.println("\nConverted by cli/samples/convert_botanic.py; licence: CC0 1.0 "
            + "(samples/botanic-LICENSE.txt in this jar).\n");
        try (InputStream s = resource("samples/itsm-NOTICE.txt")) {
          stdout.write(s.readAllBytes());
        }
        return 0;
      }
      // Every option is checked before anything is read or written.
      if (sample != null && file != null) {
        throw usage("give either FILE or --sample, not both");
      }
      if (sample != null && !sample.equals(BOTANIC) && !sample.equals(ITSM)) {
        throw usage("--sample is botanic or itsm, was '" + sample + "'");
      }
      boolean botanic = BOTANIC.equals(sample);
      Charset charset = charset();
      String outputFormat = outputFormat();
      int workers = threads();
      KpiRegistry registry;
      Scorecard.Builder b;
      Scorecard card;
      try {
        int[] nps = Kpis.scale(npsScale != null ? npsScale : "0..10");
        registry = Kpis.registry(nps,
            Kpis.scale(csatScale != null ? csatScale : botanic ? "1..10" : "1..5"), ces1,
            Kpis.drivers(drivers != null ? drivers : botanic ? "nps=csat" : null, nps,
                Kpis.scale(driversScale != null ? driversScale : "1..10")));
        for (String id : kpis) {
          if (registry.find(id).isEmpty()) {
            throw new IllegalArgumentException("--kpis: unknown KPI '" + id + "', known: "
                + registry.ids());
          }
        }
        b = Scorecard.builder().registry(registry)
            .segmentBy(segmenter()).windows(scheme()).level(level);
        if (!kpis.isEmpty()) {
          b.kpis(kpis.toArray(String[]::new));
        } else if (drivers != null || botanic) {
          // --drivers asks for the drivers (and the sample has their questions): the default
          // KPIs and the drivers.
          List<String> ids = new ArrayList<>();
          registry.providers().stream().filter(p -> p.computedByDefault() || p.id().equals(Drivers.ID))
              .forEach(p -> ids.add(p.id()));
          b.kpis(ids.toArray(String[]::new));
        }
        if (lateness != null) {
          b.allowedLateness(lateness);
        }
        card = b.build();
      } catch (IllegalArgumentException | java.time.DateTimeException e) {
        throw usage(e.getMessage());
      }
      Path target = output == null ? null : outputTarget(output);
      InputStream input = openInput();
      long rows = 0;
      long bad = 0;
      long start = System.nanoTime();
      long lastProgress = start;
      boolean progressShown = false;
      long[] last = {start};
      ParallelRead.Progress shown = (n, badSoFar) -> {
        long now = System.nanoTime();
        if (!quiet && now - last[0] > 1_000_000_000L) {
          last[0] = now;
          stderr.printf(Locale.ROOT, "\rread %,d rows (%,.0f rows/s), %,d bad", n,
              n / ((now - start) / 1e9), badSoFar);
        }
      };
      // A plain file is cut into one part per thread, each read on its own core (one part on
      // one thread: it still takes rows from the bytes); null when the parts cannot be
      // trusted, and the file is then read from its start below. Not with an allowed lateness,
      // whose figures depend on the order of the rows.
      Path plain = plainFile();
      ParallelRead.Outcome parts = null;
      if (lateness == null && plain != null && ChunkedRead.cuttable(charset)) {
        parts = ChunkedRead.read(plain, charset, format(), b::build, workers, strict,
            LISTED_BAD_ROWS, shown);
      }
      try (InteractionReader reader = InteractionReader.open(input, charset, format())) {
        if (parts != null || workers > 1) {
          // Figures without an allowed lateness do not depend on the order of the rows: parse
          // and aggregate on several cores, merge at the end.
          ParallelRead.Outcome o = parts != null ? parts : ParallelRead.read(reader, b::build,
              workers, strict, LISTED_BAD_ROWS, shown);
          progressShown = last[0] != start;
          if (progressShown) {
            stderr.println();
            progressShown = false;
          }
          for (ParallelRead.Bad x : o.listed()) {
            stderr.printf(Locale.ROOT, o.stopped() ? "line %d: %s%n" : "line %d: %s (skipped)%n",
                x.line(), x.problem());
          }
          if (o.stopped()) {
            stderr.println("stopped at the first bad row (--strict)");
            return BAD_INPUT;
          }
          card = o.card();
          rows = o.rows();
          bad = o.bad();
        } else {
          CaseEventIds caseIds = new CaseEventIds();
          for (InteractionReader.Row row = reader.next(); row != null; row = reader.next()) {
            rows++;
            // A case row that repeats an event of an earlier line is bad; others go in.
            String problem = row.interaction() instanceof CaseEvent e
                ? caseIds.duplicate(e, row.line()) : null;
            if (problem == null) {
              problem = RowFeed.apply(row, card);
            }
            if (problem != null) {
              problem = printable(problem);
              bad++;
              if (strict) {
                stderr.printf(Locale.ROOT, "%sline %d: %s%n", progressShown ? "\n" : "",
                    row.line(), problem);
                stderr.println("stopped at the first bad row (--strict)");
                return BAD_INPUT;
              }
              if (bad <= LISTED_BAD_ROWS) {
                stderr.printf(Locale.ROOT, "%sline %d: %s (skipped)%n", progressShown ? "\n" : "",
                    row.line(), problem);
                progressShown = false;
              }
            }
            long now = System.nanoTime();
            if (!quiet && now - lastProgress > 1_000_000_000L) {
              lastProgress = now;
              progressShown = true;
              stderr.printf(Locale.ROOT, "\rread %,d rows (%,.0f rows/s), %,d bad", rows,
                  rows / ((now - start) / 1e9), bad);
            }
          }
        }
      } catch (InputLines.UndecodableException | InteractionReader.BadInputException e) {
        if (progressShown) {
          stderr.println();
        }
        stderr.println("cxkpi: " + inputName() + ": " + e.getMessage());
        return BAD_INPUT;
      }
      if (progressShown) {
        stderr.println();
      }
      if (bad > LISTED_BAD_ROWS) {
        stderr.printf(Locale.ROOT, "... and %,d more bad rows%n", bad - LISTED_BAD_ROWS);
      }
      card.endOfInput();
      ScorecardReport report = card.report();
      Writers.Summary summary = new Writers.Summary(rows, bad,
          (System.nanoTime() - start) / 1_000_000_000L);
      write(report, summary, registry, outputFormat, target);
      if (!outputFormat.equals("table") || output != null) {
        stderr.println(summary.line(report));
      }
      return 0;
    }

    /** A message with the input's control characters escaped, safe to print on a terminal. */
    static String printable(String message) {
      StringBuilder b = null;
      for (int i = 0; i < message.length(); i++) {
        char c = message.charAt(i);
        if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0)) {
          if (b == null) {
            b = new StringBuilder(message.substring(0, i));
          }
          b.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
        } else if (b != null) {
          b.append(c);
        }
      }
      return b == null ? message : b.toString();
    }

    private CommandLine.ParameterException usage(@Nullable String message) {
      return new CommandLine.ParameterException(spec.commandLine(), String.valueOf(message));
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private int threads() {
      if (threads != null && (threads < 1 || threads > 256)) {
        throw usage("--threads must be 1 to 256, was " + threads);
      }
      if (lateness != null) {
        return 1;
      }
      return threads != null ? threads
          : Math.min(8, Runtime.getRuntime().availableProcessors());
    }

    private Charset charset() {
      try {
        return Charset.forName(encoding);
      } catch (IllegalArgumentException e) {
        throw usage("--encoding: unknown charset '" + encoding + "'");
      }
    }

    private String outputFormat() {
      String f = format.toLowerCase(Locale.ROOT);
      if (!List.of("table", "csv", "json", "html").contains(f)) {
        throw usage("--format must be table, json, csv or html, was '" + format + "'");
      }
      return f;
    }

    /** The output file, checked: its folder exists and it is not a folder itself. */
    private Path outputTarget(Path out) {
      Path abs = out.toAbsolutePath();
      Path dir = abs.getParent();
      if (dir == null || !Files.isDirectory(dir)) {
        throw usage("--output: folder " + dir + " does not exist");
      }
      if (Files.isDirectory(abs)) {
        throw usage("--output: " + out + " is a folder");
      }
      return abs;
    }

    private String inputName() {
      return sample != null ? "the " + sample + " sample"
          : file == null || file.equals("-") ? "standard input" : file;
    }

    private void write(ScorecardReport report, Writers.Summary summary, KpiRegistry registry,
        String outputFormat, @Nullable Path target) throws IOException {
      // A file is written whole beside its target and then moved into place: a run that fails
      // half-way leaves the previous file as it was.
      Path tmp = target == null ? null : tempBeside(target);
      try {
        Writer w = tmp == null
            ? new OutputStreamWriter(stdout, StandardCharsets.UTF_8)
            : Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
        PrintWriter out = new PrintWriter(w);
        switch (outputFormat) {
          case "table" -> Writers.table(report, summary, out);
          case "csv" -> Writers.csv(report, out);
          case "json" -> Writers.json(report, summary, out);
          default -> out.write(HtmlReport.render(report, registry, summary.line(report)));
        }
        out.flush();
        if (out.checkError()) {
          throw new IOException("cannot write the report" + (tmp == null ? "" : " to " + tmp));
        }
        if (tmp != null) {
          out.close();
          try {
            Files.move(tmp, Objects.requireNonNull(target), StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
          } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, Objects.requireNonNull(target), StandardCopyOption.REPLACE_EXISTING);
          }
          tmp = null;
        }
      } finally {
        if (tmp != null) {
          Files.deleteIfExists(tmp);
        }
      }
    }

    /**
     * A new empty file beside a target, named after it, this process and the clock. Not
     * {@code Files.createTempFile}: its {@code SecureRandom} costs a short run some 30 ms of
     * security providers loaded cold, and its owner-only permissions would pass to the report,
     * which a user expects made like any other file (the umask's).
     */
    static Path tempBeside(Path target) throws IOException {
      Path dir = Objects.requireNonNull(target.getParent(), "the target has no folder");
      String base = "." + target.getFileName() + "." + ProcessHandle.current().pid() + ".";
      long n = System.nanoTime();
      for (int attempt = 0; ; attempt++) {
        try {
          return Files.createFile(dir.resolve(base + Long.toString(n + attempt, 36) + ".tmp"));
        } catch (java.nio.file.FileAlreadyExistsException e) {
          if (attempt == 1000) {
            throw e; // not a name clash: something keeps making these files
          }
        }
      }
    }

    private Segmenter segmenter() {
      Segmenter s = null;
      for (String field : segments) {
        Segmenter next = switch (field.trim().toLowerCase(Locale.ROOT)) {
          case "channel" -> Segmenter.channel();
          case "stage", "journey" -> Segmenter.journeyStage();
          case "touchpoint" -> Segmenter.touchpoint();
          default -> {
            if (field.startsWith("attr:") && field.length() > 5) {
              yield Segmenter.attribute(field.substring(5));
            }
            throw new IllegalArgumentException("--segment takes channel, stage, touchpoint or "
                + "attr:NAME, was '" + field + "'");
          }
        };
        s = s == null ? next : s.and(next);
      }
      return s == null ? Segmenter.none() : s;
    }

    private WindowScheme scheme() {
      ZoneId z = ZoneId.of(zone);
      String w = window.toLowerCase(Locale.ROOT);
      if (w.startsWith("rolling:")) {
        String days = w.substring(8);
        if (!days.matches("[0-9]{1,4}")) {
          throw new IllegalArgumentException("--window rolling:N takes a number of days, was '"
              + window + "'");
        }
        return WindowScheme.rolling(Integer.parseInt(days), z);
      }
      return switch (w) {
        case "day" -> WindowScheme.calendar(WindowScheme.Unit.DAY, z);
        case "week" -> WindowScheme.calendar(WindowScheme.Unit.ISO_WEEK, z);
        case "month" -> WindowScheme.calendar(WindowScheme.Unit.MONTH, z);
        default -> throw new IllegalArgumentException(
            "--window takes day, week, month or rolling:N, was '" + window + "'");
      };
    }

    private InteractionReader.Format format() {
      if (inputFormat != null) {
        return inputFormat;
      }
      String name = file == null ? "" : file.toLowerCase(Locale.ROOT).replace(".gz", "");
      return name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json")
          ? InteractionReader.Format.JSONL : InteractionReader.Format.CSV;
    }

    private static InputStream resource(String name) throws IOException {
      InputStream s = Main.class.getClassLoader().getResourceAsStream(name);
      if (s == null) {
        throw new IOException("resource " + name + " is missing from the jar");
      }
      return s;
    }

    /** The input when it is a plain file large enough to read in parts, else null. */
    private @Nullable Path plainFile() throws IOException {
      if (sample != null || file == null || file.equals("-") || file.endsWith(".gz")) {
        return null;
      }
      Path path = Path.of(file);
      return Files.isRegularFile(path) && Files.size(path) >= ChunkedRead.MIN_BYTES ? path : null;
    }

    private InputStream openInput() throws IOException {
      if (sample != null) {
        return new GZIPInputStream(resource("samples/" + sample + ".csv.gz"), 1 << 16);
      }
      if (file == null || file.equals("-")) {
        return stdin;
      }
      Path path = Path.of(file);
      if (!Files.isRegularFile(path)) {
        throw usage(Files.exists(path) ? file + " is not a file" : "no such file: " + file);
      }
      InputStream raw = Files.newInputStream(path);
      return file.endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
    }
  }
}
