package io.emolens.report;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.emolens.core.Emotion;
import io.emolens.eval.ConfusionMatrix;
import io.emolens.record.LabelSegment;
import io.emolens.session.AgreementReport;
import io.emolens.session.RecordedSession;
import io.emolens.session.SessionInfo;

/**
 * The session report as one self-contained HTML document: facts, what is missing, the share of time per emotion,
 * the emotion and valence timelines, the agreement with the user's labels and the thumbnails, with styles for
 * screen and for print (A4 and Letter: the content is 180 mm wide at most and sections do not split).
 */
final class HtmlReport {
    private static final String STYLE = """
            body{font-family:Helvetica,Arial,sans-serif;color:#1d1d1d;max-width:760px;margin:24px auto;padding:0 16px;line-height:1.4}
            h1{font-size:24px;margin:0 0 4px}h2{font-size:18px;margin:26px 0 8px;border-bottom:1px solid #ccc;padding-bottom:3px}
            .sub{color:#555;margin:0 0 14px}table{border-collapse:collapse}
            table.facts td{padding:2px 14px 2px 0;vertical-align:top}table.facts td:first-child{color:#555;white-space:nowrap}
            .notes{background:#fff6e0;border:1px solid #e8c66a;padding:8px 14px;border-radius:4px}.notes ul{margin:4px 0;padding-left:20px}
            table.confusion td,table.confusion th{border:1px solid #bbb;padding:3px 6px;text-align:right;font-size:13px}
            table.confusion th{background:#f0f0f0;font-weight:600}table.confusion td.diag{font-weight:700}
            .moments{display:flex;flex-wrap:wrap;gap:12px}figure{margin:0;flex:0 0 calc(50% - 6px)}figure img{width:100%;border:1px solid #ccc}
            figcaption{font-size:13px;color:#333}.muted{color:#666}footer{margin-top:30px;font-size:12px;color:#666}
            @page{size:auto;margin:14mm}
            @media print{body{max-width:180mm;margin:0 auto;padding:0}section,figure,svg,tr{break-inside:avoid}h2{break-after:avoid}
            .notes{-webkit-print-color-adjust:exact;print-color-adjust:exact}rect,table.confusion td{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
            """;

    private final SessionFigures figures;
    private final List<String> notes;
    private final Map<SessionFigures.Moment, String> thumbnails;
    private final String thumbnailNote;
    private final String version;
    private final ZonedDateTime written;

    HtmlReport(SessionFigures figures, List<String> notes, Map<SessionFigures.Moment, String> thumbnails, String thumbnailNote,
               String version, ZonedDateTime written) {
        this.figures = figures;
        this.notes = notes;
        this.thumbnails = thumbnails;
        this.thumbnailNote = thumbnailNote;
        this.version = version;
        this.written = written;
    }

    /** The document, and how many charts it holds. */
    record Document(String html, int charts) {
    }

    Document render() {
        RecordedSession s = figures.session;
        SessionInfo info = s.info();
        StringBuilder h = new StringBuilder(64 * 1024);
        String source = info.source() == null ? s.folder().getFileName().toString() : info.source();
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>Emolens report: ").append(Html.escape(source)).append("</title><style>").append(STYLE).append("</style></head><body>\n");
        h.append("<header><h1>Emotion report: ").append(Html.escape(source)).append("</h1><p class=\"sub\">")
                .append(Html.escape(SvgCharts.clock(s.durationMs()))).append(" of session time, ")
                .append(s.faces().size()).append(" face rows, ").append(s.labels().size()).append(" label segments</p></header>\n");
        facts(h, s, info);
        if (!notes.isEmpty()) {
            h.append("<section class=\"notes\" id=\"notes\"><strong>What this report could not show, or shows with care</strong><ul>");
            for (String n : notes) {
                h.append("<li>").append(Html.escape(n)).append("</li>");
            }
            h.append("</ul></section>\n");
        }
        int charts = 0;
        if (figures.largestShare.scored() > 0) {
            h.append("<section id=\"share\"><h2>Share of time per emotion</h2><p>The largest face of each frame (the person nearest the "
                    + "camera), by its most probable emotion, over ").append(figures.largestShare.scored()).append(" frames")
                    .append(info.frames() > 0 ? String.format(Locale.ROOT, " (a face was seen in %s of the session's %d frames)",
                            SvgCharts.percent(Math.min(1.0, figures.largest.size() / (double) info.frames())), info.frames()) : "")
                    .append(".</p>").append(SvgCharts.shares(figures.largestShare, "Share of time per emotion, largest face"));
            charts++;
            if (!figures.tracks.isEmpty()) {
                h.append("<p>Each face followed for at least ").append(figures.minTrackMs / 1000).append(" s (")
                        .append(figures.trackCount > figures.tracks.size() ? "the " + figures.tracks.size() + " longest of " : "")
                        .append(figures.trackCount).append("):</p>")
                        .append(SvgCharts.trackBars(figures.tracks, "Share of time per emotion, each tracked face"));
                charts++;
            }
            h.append("</section>\n");
            h.append("<section id=\"timeline\"><h2>Emotions over time</h2><p>The largest face's probabilities")
                    .append(figures.bins.size() < figures.largestShare.scored() ? ", averaged over " + figures.bins.size() + " intervals" : "")
                    .append(s.labels().isEmpty() ? "." : "; shaded bands are your labels.").append("</p>")
                    .append(SvgCharts.emotionTimeline(figures.bins, s.labels(), figures.durationS(), "Emotion probabilities over time, largest face"))
                    .append("</section>\n");
            h.append("<section id=\"valence\"><h2>Valence over time</h2><p>Valence = P(Happy) − max(P(Sad), P(Angry), P(Fear), P(Disgust)), "
                    + "from −1 (negative) to +1 (positive)")
                    .append(String.format(Locale.ROOT, "; mean %+.2f.", figures.largest.stream().filter(f -> f.scores().isPresent())
                            .mapToDouble(f -> f.scores().get().valence()).average().orElse(0)))
                    .append("</p>")
                    .append(SvgCharts.valenceTimeline(figures.bins, s.labels(), figures.durationS(), "Valence over time, largest face"))
                    .append("</section>\n");
            charts += 2;
        }
        agreement(h, figures.agreement, s.labels());
        moments(h);
        h.append("<footer>Written by Emolens ").append(Html.escape(version)).append(" on ")
                .append(written.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", Locale.ROOT)))
                .append(" from ").append(Html.escape(s.folder().toAbsolutePath().toString())).append(".</footer>\n</body></html>\n");
        return new Document(h.toString(), charts);
    }

    private static void facts(StringBuilder h, RecordedSession s, SessionInfo info) {
        h.append("<section id=\"facts\"><table class=\"facts\">");
        row(h, "Source", info.source());
        row(h, "Model", info.model() == null ? (info.format() == null ? null : "none (detection only)") : info.model());
        row(h, "Face detector", info.detector() == null ? null : info.detector().describe());
        row(h, "Started", readable(info.startedAt()));
        row(h, "Ended", readable(info.endedAt()));
        row(h, "Status", info.status());
        row(h, "Frames", info.frames() > 0 ? String.valueOf(info.frames()) : null);
        if (info.settings() != null) {
            String privacy = info.settings().dataOnly() ? "data only: no video and no face crops were stored"
                    : info.settings().blurFaces() ? "faces blurred in the videos" : "faces stored unblurred"
                    + (info.settings().video() ? " in the video" : "");
            row(h, "Privacy", privacy);
        }
        for (var change : info.changes()) {
            row(h, "Changed", change.describe());
        }
        row(h, "Folder", s.folder().toAbsolutePath().toString());
        h.append("</table></section>\n");
    }

    /** An ISO-8601 instant as {@code 2026-12-07 18:48:42 UTC}; anything else as it is. */
    static String readable(String instant) {
        if (instant == null) {
            return null;
        }
        try {
            return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT).withZone(java.time.ZoneOffset.UTC)
                    .format(java.time.Instant.parse(instant));
        } catch (java.time.format.DateTimeParseException e) {
            return instant;
        }
    }

    private static void row(StringBuilder h, String name, String value) {
        h.append("<tr><td>").append(name).append("</td><td>")
                .append(value == null ? "<span class=\"muted\">unknown</span>" : Html.escape(value)).append("</td></tr>");
    }

    private static void agreement(StringBuilder h, AgreementReport report, List<LabelSegment> labels) {
        h.append("<section id=\"agreement\"><h2>Agreement with your labels</h2>");
        if (labels.isEmpty()) {
            h.append("<p class=\"muted\">No labels in this session: press 1–7 while recording to say what you feel.</p></section>\n");
            return;
        }
        if (!report.predictions()) {
            h.append("<p class=\"muted\">No predictions to compare: the session was recorded without a model.</p></section>\n");
            return;
        }
        if (report.compared() == 0) {
            h.append("<p class=\"muted\">No labeled frame had a face with a prediction.</p></section>\n");
            return;
        }
        h.append(String.format(Locale.ROOT, "<p>The model's most probable emotion for the largest face matched your label on "
                + "<strong>%.1f%%</strong> of labeled frames (%d of %d).</p>", 100 * report.accuracy(), report.matrix().correct(), report.compared()));
        ConfusionMatrix m = report.matrix();
        h.append("<table class=\"confusion\"><tr><th>you \\ model</th>");
        for (Emotion e : Emotion.values()) {
            h.append("<th>").append(e.label()).append("</th>");
        }
        h.append("<th>frames</th></tr>");
        for (Emotion truth : Emotion.values()) {
            long support = m.support(truth);
            if (support == 0) {
                continue;
            }
            h.append("<tr><th>").append(truth.label()).append("</th>");
            for (Emotion p : Emotion.values()) {
                long n = m.count(truth, p);
                double share = n / (double) support;
                h.append(String.format(Locale.ROOT, "<td%s style=\"background:rgba(40,110,200,%.2f)\">%d</td>",
                        truth == p ? " class=\"diag\"" : "", 0.08 + 0.6 * share, n));
            }
            h.append("<td>").append(support).append("</td></tr>");
        }
        h.append("</table><p class=\"muted\">Rows: your label. Columns: the model's prediction. Darker: a larger share of the row.</p></section>\n");
    }

    private void moments(StringBuilder h) {
        h.append("<section id=\"moments\"><h2>Moments</h2>");
        if (thumbnailNote != null) {
            h.append("<p class=\"muted\">").append(Html.escape(thumbnailNote)).append("</p>");
        }
        if (!thumbnails.isEmpty()) {
            h.append("<div class=\"moments\">");
            for (SessionFigures.Moment m : figures.moments) {
                String image = thumbnails.get(m);
                if (image == null) {
                    continue;
                }
                RecordedSession.Face f = m.face();
                h.append("<figure><img alt=\"").append(Html.escape(m.title())).append("\" src=\"").append(image)
                        .append("\"><figcaption><strong>").append(Html.escape(m.title())).append("</strong> at ")
                        .append(SvgCharts.clock(f.sessionMs()));
                f.scores().ifPresent(sc -> h.append(String.format(Locale.ROOT, ": %s %.0f%%, valence %+.2f",
                        sc.top().label(), 100 * sc.confidence(), sc.valence())));
                h.append("</figcaption></figure>");
            }
            h.append("</div>");
        }
        h.append("</section>\n");
    }
}
