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
import java.util.zip.GZIPInputStream;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.MissingArgumentException;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;
import org.apache.commons.cli.UnrecognizedOptionException;
import org.jspecify.annotations.Nullable;

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
 *
 * <p>The options are parsed by Apache Commons CLI, not picocli: a fresh JVM spends some 0.17 s
 * building picocli's model of the command, which a short run against a database notices.
 */
public final class Main {
  /** Exit code of a run that could not use its input. */
  static final int BAD_INPUT = 1;

  /** Exit code of a usage error. */
  static final int USAGE = 2;

  /** Bad rows listed on standard error before the rest are only counted. */
  static final int LISTED_BAD_ROWS = 10;

  /** What {@code --version} prints. */
  static final String VERSION = "cxkpi 0.1.0-SNAPSHOT";

  /** Width of the help text. */
  private static final int WIDTH = 80;

  private static final String REPORT_SYNOPSIS = "cxkpi report [FILE] [options]";

  private static final String REPORT_SUMMARY = "Reads interactions (survey responses and service "
      + "contacts) from CSV or JSON Lines and prints the scorecard: every KPI per segment and "
      + "window, with its confidence interval and the change against the previous window.";

  /** The report's description in the help, paragraph by paragraph ("" a blank line). */
  private static final List<String> REPORT_DESCRIPTION = List.of(
      REPORT_SUMMARY,
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
      "Examples:");

  /** The examples, printed as they are (not wrapped: they are meant to be copied). */
  private static final List<String> REPORT_EXAMPLES = List.of(
      "  cxkpi report --sample",
      "  cxkpi report --sample itsm --kpis ttr --window month",
      "  cxkpi report interactions.csv --segment channel --window month --format html "
          + "--output report.html",
      "  zcat big.jsonl.gz | cxkpi report - --input-format jsonl --segment stage "
          + "--window rolling:28 --format json");

  private static final String FILE_DESCRIPTION =
      "Input file (.csv, .jsonl, optionally .gz); '-' or none for standard input.";

  private static final String HELP_DESCRIPTION = "Show this help message and exit.";

  private static final String VERSION_DESCRIPTION = "Print version information and exit.";

  private Main() {}

  /**
   * Runs the command line.
   *
   * @param args the arguments
   */
  public static void main(String[] args) {
    // The KPI providers and the logging behind them take a cold JVM about 50 ms to find and
    // start (ServiceLoader, SLF4J's binding): done on another core while this one reads the
    // options. Class initialisation is thread-safe, so the run waits only for what it needs
    // before the other thread is done; a failure there shows again, and is reported, here.
    Thread warm = new Thread(() -> {
      try {
        KpiRegistry.load(Main.class.getClassLoader());
      } catch (RuntimeException | Error ignored) {
        // the run loads the registry itself and reports what went wrong
      }
    }, "cxkpi-start");
    warm.setDaemon(true);
    warm.start();
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
    // Each run has its own options, parser and streams: no static state, so runs may overlap.
    PrintWriter o = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true);
    PrintWriter e = new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true);
    try {
      return command(args, in, out, err, o, e);
    } finally {
      o.flush();
      e.flush();
    }
  }

  private static int command(String[] args, InputStream in, PrintStream out, PrintStream err,
      PrintWriter o, PrintWriter e) {
    if (args.length == 0) {
      mainUsage(o);
      return 0;
    }
    String first = args[0];
    List<String> rest = List.of(args).subList(1, args.length);
    switch (first) {
      case "report":
        return report(rest, new Report(in, out, err), o, e);
      case "help":
        if (rest.isEmpty() || rest.get(0).equals("help")) {
          mainUsage(o);
          return 0;
        }
        if (rest.get(0).equals("report")) {
          reportUsage(o);
          return 0;
        }
        e.println("Unknown subcommand '" + rest.get(0) + "'.");
        mainUsage(e);
        return USAGE;
      case "-h":
      case "--help":
        mainUsage(o);
        return 0;
      case "-V":
      case "--version":
        o.println(VERSION);
        return 0;
      default:
        e.println(first.startsWith("-") && !first.equals("-") ? "Unknown option: '" + first + "'"
            : "Unmatched argument at index 0: '" + first + "'");
        mainUsage(e);
        return USAGE;
    }
  }

  /** Parses the report's arguments and runs it. */
  private static int report(List<String> args, Report r, PrintWriter o, PrintWriter e) {
    Options options = reportOptions();
    int code;
    try {
      CommandLine cl = DefaultParser.builder().setAllowPartialMatching(false)
          .setStripLeadingAndTrailingQuotes(false).get()
          .parse(options, args.toArray(String[]::new));
      if (cl.hasOption("help")) {
        reportUsage(o);
        return 0;
      }
      if (cl.hasOption("version")) {
        o.println(VERSION);
        return 0;
      }
      r.set(cl);
      code = r.call();
    } catch (ParseException x) {
      return usageError(parseMessage(x), e);
    } catch (UsageException x) {
      return usageError(x.getMessage(), e);
    } catch (Exception x) {
      e.println("cxkpi: " + x.getMessage());
      return BAD_INPUT;
    }
    return code;
  }

  private static int usageError(@Nullable String message, PrintWriter e) {
    e.println(message);
    e.println("Usage: " + REPORT_SYNOPSIS);
    e.println("Try 'cxkpi report --help' for more information.");
    return USAGE;
  }

  /** A parser's complaint in the words picocli used. */
  private static @Nullable String parseMessage(ParseException x) {
    if (x instanceof UnrecognizedOptionException u) {
      return "Unknown option: '" + u.getOption() + "'";
    }
    if (x instanceof MissingArgumentException m) {
      Option opt = m.getOption();
      return "Missing required parameter for option '" + name(opt) + "' (" + opt.getArgName()
          + ")";
    }
    return x.getMessage();
  }

  /** An option's name as typed: its long name, else its short one. */
  static String name(Option opt) {
    return opt.getLongOpt() != null ? "--" + opt.getLongOpt() : "-" + opt.getOpt();
  }

  /** The report's options, in the order of the help. */
  static Options reportOptions() {
    Options o = new Options();
    o.addOption(Option.builder().longOpt("sample").hasArg().optionalArg(true).argName("NAME")
        .desc("Use a bundled sample: botanic (the default), a real garden-centre NPS and "
            + "satisfaction survey (13,936 respondents, CC0); itsm, 890 real ServiceNow "
            + "incidents as closed case rows (CC BY 4.0), for the service times. See "
            + "--sample-info.").get());
    o.addOption(flag("sample-info", "Print where the sample comes from and exit."));
    o.addOption(valued("input-format", "csv|jsonl",
        "Input format (default: from the file name; csv for standard input)."));
    o.addOption(valued("encoding", "CHARSET", "The input's character encoding (default: "
        + "UTF-8); bytes that are not valid in it stop the run with their line number."));
    o.addOption(valued("kpis", "ID[,ID...]",
        "KPIs to compute (default all): nps, csat, ces, fcr, fcr-repeat."));
    o.addOption(valued("segment", "FIELD[,FIELD...]", "Segment by channel, stage, touchpoint "
        + "or attr:NAME; several combine (default: no segmentation)."));
    o.addOption(valued("window", "day|week|month|rolling:N", "Windows: calendar day, ISO "
        + "week, month, or the last N days every day (default: week)."));
    o.addOption(valued("zone", "ZONE", "Time zone of calendar windows (default: UTC)."));
    o.addOption(valued("lateness", "DURATION", "Interactions older than the newest seen minus "
        + "this (e.g. PT24H) are counted as late and not used (default: no limit)."));
    o.addOption(valued("level", "LEVEL", "Confidence level (default: 0.95)."));
    o.addOption(valued("nps-scale", "MIN..MAX",
        "NPS scale (default 0..10; 1..10 for 1-10 surveys)."));
    o.addOption(valued("csat-scale", "MIN..MAX", "CSAT scale (default 1..5; the botanic sample "
        + "uses 1..10). Satisfied = the top two answers."));
    o.addOption(valued("drivers", "OUTCOME=FACTOR,...", "Key drivers: the outcome question and "
        + "the factor questions (default nps=the eight common factors (accessibility, "
        + "competence, customer_recognition, helpfulness, personalization, problem_solving, "
        + "promise_fulfilment, value_for_time); the botanic sample: nps=csat). The outcome nps "
        + "is on --nps-scale."));
    o.addOption(valued("drivers-scale", "MIN..MAX", "Scale of the driver factors, and of an "
        + "outcome other than nps (default 1..10)."));
    o.addOption(flag("ces1", "CES 1.0 (1-5, lower is better) instead of CES 2.0."));
    o.addOption(valued("format", "table|json|csv|html",
        "Output format (default: table)."));
    o.addOption(Option.builder("o").longOpt("output").hasArg().argName("FILE")
        .desc("Write the report to FILE (default: standard output).").get());
    o.addOption(flag("strict", "Stop at the first bad row (default: skip bad rows, report each "
        + "on standard error with its line number, and count them)."));
    o.addOption(valued("threads", "N", "Threads that parse and aggregate (default: the "
        + "available processors, at most 8); 1 reads on one thread. With --lateness the read "
        + "is always on one thread: lateness depends on row order."));
    o.addOption(Option.builder("q").longOpt("quiet")
        .desc("No progress line on standard error.").get());
    o.addOption(Option.builder("h").longOpt("help").desc(HELP_DESCRIPTION).get());
    o.addOption(Option.builder("V").longOpt("version").desc(VERSION_DESCRIPTION).get());
    return o;
  }

  private static Option flag(String name, String description) {
    return Option.builder().longOpt(name).desc(description).get();
  }

  private static Option valued(String name, String label, String description) {
    return Option.builder().longOpt(name).hasArg().argName(label).desc(description).get();
  }

  /** {@code cxkpi}, {@code cxkpi --help}, {@code cxkpi help}. */
  @SuppressWarnings("deprecation") // see formatter()
  private static void mainUsage(PrintWriter w) {
    w.println("Usage: cxkpi [-hV] [COMMAND]");
    w.println("Customer-experience KPIs from the command line.");
    Options o = new Options();
    o.addOption(Option.builder("h").longOpt("help").desc(HELP_DESCRIPTION).get());
    o.addOption(Option.builder("V").longOpt("version").desc(VERSION_DESCRIPTION).get());
    printOptions(w, o);
    w.println("Commands:");
    HelpFormatter f = formatter();
    f.printWrapped(w, WIDTH, 10, "  report  " + REPORT_SUMMARY);
    f.printWrapped(w, WIDTH, 10,
        "  help    Display help information about the specified command.");
    w.flush();
  }

  /** {@code cxkpi report --help}, {@code cxkpi help report}. */
  @SuppressWarnings("deprecation") // see formatter()
  private static void reportUsage(PrintWriter w) {
    w.println("Usage: " + REPORT_SYNOPSIS);
    HelpFormatter f = formatter();
    for (String paragraph : REPORT_DESCRIPTION) {
      if (paragraph.isEmpty()) {
        w.println();
      } else {
        f.printWrapped(w, WIDTH, paragraph);
      }
    }
    REPORT_EXAMPLES.forEach(w::println);
    w.println();
    w.println("Parameters:");
    f.printWrapped(w, WIDTH, 10, "  [FILE]  " + FILE_DESCRIPTION);
    w.println();
    w.println("Options:");
    printOptions(w, reportOptions());
    w.flush();
  }

  private static void printOptions(PrintWriter w, Options options) {
    formatter().printOptions(w, WIDTH, options, 2, 3);
  }

  /** A help formatter that keeps the options in the order they were added. */
  @SuppressWarnings("deprecation") // help.HelpFormatter, its successor, draws the options as a
  // table with a header row; this one prints them as picocli did, name and wrapped description.
  private static HelpFormatter formatter() {
    HelpFormatter f = new HelpFormatter();
    f.setOptionComparator(null);
    return f;
  }

  /** A usage error: the message is printed with a hint, and the run exits with {@link #USAGE}. */
  static final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(@Nullable String message) {
      super(String.valueOf(message));
    }
  }

  /** {@code cxkpi report}: the scorecard of a file of interactions. */
  static final class Report {
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

    // The options, at their defaults until set(...) sets those given.
    @Nullable String file;
    @Nullable String sample;
    boolean sampleInfo;
    InteractionReader.@Nullable Format inputFormat;
    String encoding = "UTF-8";
    List<String> kpis = new ArrayList<>();
    List<String> segments = new ArrayList<>();
    String window = "week";
    String zone = "UTC";
    @Nullable Duration lateness;
    double level = 0.95;
    @Nullable String npsScale;
    @Nullable String csatScale;
    @Nullable String drivers;
    @Nullable String driversScale;
    boolean ces1;
    String format = "table";
    @Nullable Path output;
    boolean strict;
    @Nullable Integer threads;
    boolean quiet;

    /**
     * Takes the parsed options: each value converted, an option given twice (but for the lists)
     * or a second FILE a usage error.
     */
    void set(CommandLine cl) {
      List<String> args = cl.getArgList();
      if (args.size() > 1) {
        throw new UsageException("Unmatched argument: '" + args.get(1) + "' (one FILE at most)");
      }
      file = args.isEmpty() ? null : args.get(0);
      java.util.Set<String> seen = new java.util.HashSet<>();
      for (Option opt : cl.getOptions()) {
        String name = name(opt);
        String v = opt.getValue();
        if (!name.equals("--kpis") && !name.equals("--segment") && !seen.add(name)) {
          throw new UsageException("option '" + name + "' should be specified only once");
        }
        switch (name) {
          case "--sample" -> sample = v != null ? v : BOTANIC;
          case "--sample-info" -> sampleInfo = true;
          case "--input-format" -> inputFormat = convert(name, v, "not csv or jsonl "
              + "(case-insensitive)", x -> InteractionReader.Format.valueOf(
                  x.toUpperCase(Locale.ROOT)));
          case "--encoding" -> encoding = Objects.requireNonNull(v);
          case "--kpis" -> kpis.addAll(List.of(Objects.requireNonNull(v).split(",")));
          case "--segment" -> segments.addAll(List.of(Objects.requireNonNull(v).split(",")));
          case "--window" -> window = Objects.requireNonNull(v);
          case "--zone" -> zone = Objects.requireNonNull(v);
          case "--lateness" -> lateness = convert(name, v, "not an ISO-8601 duration (e.g. PT24H)",
              Duration::parse);
          case "--level" -> level = convert(name, v, "not a double", Double::parseDouble);
          case "--nps-scale" -> npsScale = v;
          case "--csat-scale" -> csatScale = v;
          case "--drivers" -> drivers = v;
          case "--drivers-scale" -> driversScale = v;
          case "--ces1" -> ces1 = true;
          case "--format" -> format = Objects.requireNonNull(v);
          case "--output" -> output = convert(name, v, "not a path", Path::of);
          case "--strict" -> strict = true;
          case "--threads" -> threads = convert(name, v, "not an int", Integer::parseInt);
          case "--quiet" -> quiet = true;
          default -> throw new UsageException("Unknown option: '" + name + "'");
        }
      }
    }

    /** A value converted, or a usage error naming the option, the value and the rule. */
    private static <T> T convert(String option, @Nullable String value, String rule,
        java.util.function.Function<String, T> conversion) {
      try {
        return conversion.apply(Objects.requireNonNull(value));
      } catch (RuntimeException e) {
        throw new UsageException("Invalid value for option '" + option + "': '" + value
            + "' is " + rule);
      }
    }

    /** Runs the report; a usage error is thrown as a {@link UsageException}. */
    int call() throws IOException {
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

    private static UsageException usage(@Nullable String message) {
      return new UsageException(message);
    }

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
     * A new empty file beside a target, named after it and a random number. Not
     * {@code Files.createTempFile}: its {@code SecureRandom} costs a short run some 30 ms of
     * security providers loaded cold, and its owner-only permissions would pass to the report,
     * which a user expects made like any other file (the umask's). Not the process id either:
     * {@code ProcessHandle.current()} costs 17-19 ms cold. The file is created atomically, so
     * a clash of names (another run, another process) only moves on to the next number.
     */
    static Path tempBeside(Path target) throws IOException {
      Path dir = Objects.requireNonNull(target.getParent(), "the target has no folder");
      String base = "." + target.getFileName() + ".";
      long n = new java.util.SplittableRandom().nextLong() >>> 1;
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
