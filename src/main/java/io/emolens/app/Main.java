package io.emolens.app;

import java.io.PrintStream;

import javax.swing.SwingUtilities;

import io.emolens.classify.ModelLoader;
import io.emolens.classify.ModelStore;
import io.emolens.archive.SparkRuntime;
import io.emolens.cli.AnalyzeCommand;
import io.emolens.cli.ArchiveCommand;
import io.emolens.cli.BenchDetectCommand;
import io.emolens.cli.BenchRegistrationCommand;
import io.emolens.cli.BenchFollowCommand;
import io.emolens.cli.BenchLiveCommand;
import io.emolens.cli.BenchSoakCommand;
import io.emolens.cli.BenchPipelineCommand;
import io.emolens.cli.BenchRecordingCommand;
import io.emolens.cli.EmolensCommand;
import io.emolens.cli.EvaluateCommand;
import io.emolens.cli.TrainCommand;
import io.emolens.cli.PersonalizeCommand;
import io.emolens.cli.ReviewCommand;
import io.emolens.cli.ImportKerasCommand;
import io.emolens.core.EmolensException;
import io.emolens.core.FileKinds;
import io.emolens.detect.DetectorConfig;
import io.emolens.session.AnalyzeService;
import io.emolens.source.DefaultFrameSourceFactory;
import io.emolens.source.FrameSourceFactory;
import io.emolens.report.SessionReports;
import io.emolens.secret.NoSecretStore;
import io.emolens.secret.SecretServiceStore;
import io.emolens.secret.StreamPasswords;
import io.emolens.ui.DesktopServices;
import io.emolens.ui.MainWindow;
import io.emolens.ui.Themes;
import io.emolens.ui.UiPreferences;
import picocli.CommandLine;

/**
 * Entry point: no arguments start the desktop app, anything else is a CLI command ({@code analyze}, {@code bench}, …).
 * Commands open no window, so they run with AWT headless: drawing overlays and charts must not depend on reaching the
 * X display named by {@code DISPLAY} (a stale SSH forward, or another test run's Xvfb, failed {@code analyze} mid-run).
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            startDesktop();
        } else {
            if (System.getProperty("java.awt.headless") == null) {
                System.setProperty("java.awt.headless", "true");
            }
            System.exit(runCli(args, System.out, System.err));
        }
    }

    /** Runs a CLI command and returns its exit code: 0 success, 2 bad input (one-line reason on stderr), 1 unexpected failure. */
    public static int runCli(String[] args, PrintStream out, PrintStream err) {
        FrameSourceFactory sources = new DefaultFrameSourceFactory();
        Wiring wiring = new Wiring(AppPaths::locate, DetectorConfig.DEFAULT, modelLoader());
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                if (type == AnalyzeCommand.class) {
                    return type.cast(new AnalyzeCommand(wiring, new AnalyzeService(sources), err));
                }
                if (type == ArchiveCommand.class) {
                    return type.cast(new ArchiveCommand(wiring, (detector, model) -> ArchiveSetup.of(AppPaths.locate(), detector, model),
                            SparkRuntime::job, err));
                }
                if (type == ImportKerasCommand.class) {
                    return type.cast(new ImportKerasCommand(out));
                }
                if (type == BenchPipelineCommand.class) {
                    return type.cast(new BenchPipelineCommand(wiring, sources, () -> AppPaths.locate().demoClip(), out));
                }
                if (type == BenchRegistrationCommand.class) {
                    return type.cast(new BenchRegistrationCommand(wiring, out));
                }
                if (type == BenchDetectCommand.class) {
                    return type.cast(new BenchDetectCommand(wiring, sources, out));
                }
                if (type == BenchFollowCommand.class) {
                    return type.cast(new BenchFollowCommand(wiring, sources, () -> AppPaths.locate().demoClip(), out));
                }
                if (type == BenchSoakCommand.class) {
                    return type.cast(new BenchSoakCommand(wiring, sources, () -> AppPaths.locate().demoClip(), out));
                }
                if (type == BenchLiveCommand.class) {
                    return type.cast(new BenchLiveCommand(wiring, sources, () -> AppPaths.locate().demoClip(), out));
                }
                if (type == EvaluateCommand.class) {
                    return type.cast(new EvaluateCommand(wiring, out, err));
                }
                if (type == TrainCommand.class) {
                    return type.cast(new TrainCommand(wiring, out, err));
                }
                if (type == PersonalizeCommand.class) {
                    return type.cast(new PersonalizeCommand(() -> AppPaths.locate().defaultModel(), out, err));
                }
                if (type == ReviewCommand.class) {
                    return type.cast(new ReviewCommand(new SessionReports(sources)));
                }
                if (type == BenchRecordingCommand.class) {
                    return type.cast(new BenchRecordingCommand(wiring, sources, () -> AppPaths.locate().demoClip(), out));
                }
                return CommandLine.defaultFactory().create(type);
            }
        };
        CommandLine cli = new CommandLine(new EmolensCommand(), factory);
        cli.setOut(new java.io.PrintWriter(out, true));
        cli.setErr(new java.io.PrintWriter(err, true));
        cli.setExecutionExceptionHandler((e, command, parsed) -> {
            if (e instanceof EmolensException) {
                err.println("emolens: " + FileKinds.oneLine(e.getMessage(), 600));
                return 2;
            }
            err.println("emolens: unexpected error: " + e);
            e.printStackTrace(err);
            return 1;
        });
        return cli.execute(args);
    }

    private static void startDesktop() {
        System.setProperty("flatlaf.uiScale.allowScaleDown", "true");
        UiPreferences prefs = UiPreferences.user();
        AppPaths paths = AppPaths.locate();
        Wiring wiring = new Wiring(paths, DetectorConfig.DEFAULT, modelLoader()).forDesktop();
        UserFolders user = UserFolders.locate();
        StreamPasswords passwords = new StreamPasswords(SecretServiceStore.connect()
                .orElseGet(() -> new NoSecretStore("no Secret Service, such as GNOME Keyring, on the D-Bus session bus")));
        prefs.moveStreamPasswords(passwords);
        DesktopServices services = new DesktopServices(new DefaultFrameSourceFactory(), wiring, paths.demoClip(), user.models(),
                wiring.trainer(), user.runs(), paths.models(), passwords);
        SwingUtilities.invokeLater(() -> {
            Themes.apply(prefs.darkTheme());
            new MainWindow(services, prefs, () -> System.exit(0)).show();
        });
    }

    public static ModelLoader modelLoader() {
        return new ModelStore();
    }
}
