package io.emolens.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import io.emolens.core.Emotion;
import io.emolens.report.SessionReports;
import io.emolens.session.AgreementReport;
import io.emolens.session.FerExport;
import io.emolens.session.RecordedSession;
import io.emolens.session.SessionInfo;
import io.emolens.session.SettingsChange;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code review SESSION [--export-fer FILE] [--report FILE.html]}: the agreement report of a recorded session, its labeled
 * crops as FER2013 rows, and its self-contained HTML report.
 */
@Command(name = "review", mixinStandardHelpOptions = true,
        description = "Print how often the model agreed with your labels in a recorded session; optionally export the labeled face crops.")
public final class ReviewCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SESSION", description = "session folder (written by Record or 'analyze --out DIR')")
    Path session;

    @Option(names = "--export-fer", paramLabel = "FILE", description = "write the labeled face crops as FER2013 CSV rows (emotion,pixels,Usage)")
    Path export;

    @Option(names = "--report", paramLabel = "FILE.html", description = "write a self-contained HTML report (charts, valence, agreement, "
            + "thumbnails); a damaged or older session still gets one, saying what is missing")
    Path report;

    @Spec
    CommandSpec spec;

    private final SessionReports reports;

    public ReviewCommand(SessionReports reports) {
        this.reports = reports;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (report != null) {
            writeReport(out);
            if (export == null) {
                return 0;
            }
        }
        RecordedSession s = RecordedSession.open(session);
        SessionInfo info = s.info();
        out.printf("Session %s: %s, model %s, %d frames, %d face rows, %d dropped video frames, %.1f s, %d label segments%s%n",
                session, info.source(), info.model() == null ? "none" : info.model(), info.frames(), s.faces().size(),
                info.droppedFrames(), s.durationMs() / 1000.0, s.labels().size(),
                SessionInfo.RECORDING.equals(info.status()) ? " (interrupted: read up to its last flush)" : "");
        if (info.detector() != null) {
            out.println("Face detection: " + info.detector().describe());
        }
        for (SettingsChange change : info.changes()) {
            out.println("Changed " + change.describe());
        }
        out.print(AgreementReport.of(s).text());
        if (export != null) {
            long[] counts = FerExport.export(s, export);
            StringBuilder per = new StringBuilder();
            long total = 0;
            for (Emotion e : Emotion.values()) {
                if (counts[e.index()] > 0) {
                    per.append(per.length() > 0 ? ", " : "").append(e.label()).append(' ').append(counts[e.index()]);
                }
                total += counts[e.index()];
            }
            out.printf("Exported %d labeled face crops (%s) to %s%n", total, per, export);
        }
        out.flush();
        return 0;
    }

    private void writeReport(PrintWriter out) {
        SessionReports.Written w = reports.write(session, report);
        for (String note : w.notes()) {
            out.println("Note: " + note);
        }
        out.printf("Report written to %s (%d charts, %d thumbnails)%n", w.file(), w.charts(), w.thumbnails());
        out.flush();
    }
}
