package io.emolens.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The rows a reader skipped: a count per {@link IssueKind} and the first few issues of each kind with
 * their line numbers, so that nothing is dropped silently. Mutable while reading, then read-only.
 */
public final class DataIssues {
    /** How many issues of each kind keep their line number for the report. */
    public static final int KEPT_PER_KIND = 5;

    private final Map<IssueKind, Integer> counts = new EnumMap<>(IssueKind.class);
    private final Map<IssueKind, List<DataIssue>> first = new EnumMap<>(IssueKind.class);
    private final List<String> notes = new ArrayList<>();

    void add(DataIssue issue) {
        counts.merge(issue.kind(), 1, Integer::sum);
        List<DataIssue> kept = first.computeIfAbsent(issue.kind(), k -> new ArrayList<>());
        if (kept.size() < KEPT_PER_KIND) {
            kept.add(issue);
        }
    }

    /** Records something about the whole source that the user should know (extra columns ignored, a split assumed). */
    void note(String note) {
        notes.add(note);
    }

    /** What the reader assumed or ignored about the whole source, in the order noticed. */
    public List<String> notes() {
        return Collections.unmodifiableList(notes);
    }

    /** True when no row was skipped and nothing was assumed. */
    public boolean isClean() {
        return total() == 0 && notes.isEmpty();
    }

    /** Number of skipped rows or images of {@code kind}. */
    public int count(IssueKind kind) {
        return counts.getOrDefault(kind, 0);
    }

    /** Number of skipped rows or images in all. */
    public int total() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** The first {@link #KEPT_PER_KIND} issues of {@code kind}, in file order. */
    public List<DataIssue> first(IssueKind kind) {
        return Collections.unmodifiableList(first.getOrDefault(kind, List.of()));
    }

    /** Line numbers of the first issues of {@code kind}. */
    public List<Long> firstLines(IssueKind kind) {
        return first(kind).stream().map(DataIssue::line).toList();
    }

    /** A few lines of text: the notes, then one line per kind of skipped row, or "no bad rows". */
    public String format() {
        StringBuilder sb = new StringBuilder();
        notes.forEach(n -> sb.append("note: ").append(n).append('\n'));
        if (total() == 0) {
            return sb.append("no bad rows").toString();
        }
        sb.append("skipped ").append(total()).append(" bad rows/images:");
        counts.forEach((kind, n) -> {
            sb.append("\n  ").append(n).append(" x ").append(kind.description()).append(", first: ");
            sb.append(String.join("; ", first(kind).stream().map(DataIssue::describe).toList()));
        });
        return sb.toString();
    }
}
