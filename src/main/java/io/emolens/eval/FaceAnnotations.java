package io.emolens.eval;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.emolens.core.Csv;
import io.emolens.core.EmolensException;
import io.emolens.core.FaceBox;

/**
 * A face detection ground truth: {@code boxes.csv} with the header {@code file,frame,x,y,w,h,kind}. {@code file} is
 * an image or video relative to the CSV's folder, {@code frame} the frame index (0 for images), {@code kind} is
 * {@code face} (a face every detector should find), {@code ignore} (a face too blurred, hidden or small to demand:
 * finding it is neither a hit nor a false face) or {@code none} (the frame is annotated and has no face; box empty).
 * Every listed frame is scored; frames not listed are not.
 *
 * @param folder the CSV's folder, against which files resolve
 * @param frames the annotated frames in file order, each with its boxes
 */
public record FaceAnnotations(Path folder, Map<Frame, List<Truth>> frames) {
    public static final String HEADER = "file,frame,x,y,w,h,kind";

    /** One annotated frame of a file. */
    public record Frame(String file, int index) {
    }

    /** One ground-truth box; {@code required} false for an ignore region. */
    public record Truth(FaceBox box, boolean required) {
    }

    /** Reads {@code csv}; EmolensException naming the file and line of a bad row. */
    public static FaceAnnotations read(Path csv) {
        if (!Files.isRegularFile(csv)) {
            throw new EmolensException("Cannot read face annotations " + csv + ": no such file");
        }
        Map<Frame, List<Truth>> frames = new LinkedHashMap<>();
        try (Csv.Rows rows = Csv.open(csv)) {
            if (!String.join(",", rows.header()).equals(HEADER)) {
                throw new EmolensException(csv + " line 1: expected the header " + HEADER);
            }
            for (Csv.Row row : rows) {
                if (row.get(0).strip().startsWith("#")) {
                    continue;
                }
                try {
                    parse(row.fields(), frames);
                } catch (IllegalArgumentException e) {
                    throw new EmolensException(csv + " line " + row.line() + ": " + e.getMessage() + " (" + Csv.line(row.fields()) + ")", e);
                }
            }
        }
        Path parent = csv.toAbsolutePath().getParent();
        return new FaceAnnotations(parent, frames);
    }

    private static void parse(List<String> fields, Map<Frame, List<Truth>> frames) {
        String[] f = fields.toArray(String[]::new);
        if (f.length != 7) {
            throw new IllegalArgumentException("expected 7 fields, found " + f.length);
        }
        Frame frame = new Frame(f[0].strip(), Integer.parseInt(f[1].strip()));
        List<Truth> boxes = frames.computeIfAbsent(frame, k -> new ArrayList<>());
        String kind = f[6].strip().toLowerCase(Locale.ROOT);
        switch (kind) {
            case "none" -> {
                if (!boxes.isEmpty()) {
                    throw new IllegalArgumentException("'none' for a frame that has boxes");
                }
            }
            case "face", "ignore" -> boxes.add(new Truth(new FaceBox(Integer.parseInt(f[2].strip()), Integer.parseInt(f[3].strip()),
                    Integer.parseInt(f[4].strip()), Integer.parseInt(f[5].strip())), kind.equals("face")));
            default -> throw new IllegalArgumentException("kind must be face, ignore or none, was '" + kind + "'");
        }
    }

    /** The distinct files, in order. */
    public List<String> files() {
        return frames.keySet().stream().map(Frame::file).distinct().toList();
    }

    public Path resolve(String file) {
        return folder.resolve(file);
    }
}
