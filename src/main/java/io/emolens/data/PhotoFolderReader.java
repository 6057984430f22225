package io.emolens.data;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import io.emolens.core.EmolensException;
import io.emolens.core.Emotion;
import io.emolens.core.FaceBox;
import io.emolens.detect.FaceDetector;
import io.emolens.preprocess.FacePreprocessor;
import io.emolens.source.ImageReader;

/**
 * Reads whole labelled photos ({@code DIR/<class>/<photo>}, class folders named as the seven emotions) as the app sees
 * them: the detector's largest face and the app's crop. Every face is Training (fine-tuning holds out whole people
 * for validation); a photo without a face is skipped and reported. The person of a photo is its file name up to the
 * first {@code .}, {@code _} or {@code -} (JAFFE's {@code KA.AN1.39.tiff}, CK+'s {@code S005_001_…}); when that does
 * not name at least two people with two photos each, the faces have no group.
 */
public final class PhotoFolderReader implements DatasetReader {
    /** File name endings read as photos. */
    public static final List<String> IMAGE_TYPES = List.of(".jpg", ".jpeg", ".png", ".bmp", ".tif", ".tiff", ".webp", ".pgm", ".ppm");

    private final FaceDetector detector;
    private final FacePreprocessor crop;

    public PhotoFolderReader(FaceDetector detector, FacePreprocessor crop) {
        this.detector = detector;
        this.crop = crop;
    }

    /** True when {@code dir} holds class folders ({@code angry} … {@code neutral}) rather than train/ and test/ folders. */
    public static boolean isPhotoFolder(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        boolean classes = false;
        for (Path p : sorted(dir)) {
            String name = p.getFileName().toString();
            if (Files.isDirectory(p) && ImageFolderReader.splitOf(name).isPresent()) {
                return false;
            }
            classes |= Files.isDirectory(p) && isEmotion(name);
        }
        return classes;
    }

    @Override
    public Dataset read(Path root, ReadOptions options) {
        List<LabeledFace> faces = new ArrayList<>();
        DataIssues issues = new DataIssues();
        MessageDigest sha = sha256();
        for (Map.Entry<Path, Emotion> photo : list(root)) {
            String origin = root.relativize(photo.getKey()).toString().replace('\\', '/');
            BufferedImage image = ImageReader.read(photo.getKey());
            List<FaceBox> boxes = detector.detect(image);
            if (boxes.isEmpty()) {
                DataIssue issue = new DataIssue(IssueKind.NO_FACE, origin, 0, "the detector found no face in the photo");
                if (options.strict()) {
                    throw new EmolensException(issue.describe() + ". Remove it, or leave out --strict to skip it.");
                }
                issues.add(issue);
                continue;
            }
            byte[] pixels = crop.crop(image, boxes.get(0));
            faces.add(new LabeledFace(pixels, photo.getValue(), Split.TRAINING, origin, null, person(photo.getKey())));
            sha.update(origin.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) photo.getValue().index());
            sha.update(ByteBuffer.wrap(pixels));
        }
        if (faces.stream().map(LabeledFace::group).distinct().count() < 2
                || faces.stream().collect(java.util.stream.Collectors.groupingBy(LabeledFace::group, java.util.stream.Collectors.counting()))
                        .values().stream().filter(n -> n >= 2).count() < 2) {
            faces.replaceAll(f -> f.withGroup(null));
            issues.note("no people in the photo names (PERSON.… or PERSON_…): validation cannot hold out whole people");
        }
        return new Dataset(root.toString(), faces, issues, "sha256:" + HexFormat.of().formatHex(sha.digest()));
    }

    /** The person a photo shows, by its file name: the part before the first '.', '_' or '-'. */
    static String person(Path photo) {
        String name = photo.getFileName().toString();
        int cut = name.length();
        for (char c : new char[] {'.', '_', '-'}) {
            int i = name.indexOf(c);
            if (i > 0 && i < cut) {
                cut = i;
            }
        }
        return name.substring(0, cut);
    }

    /** The photos of {@code folder}'s class folders with their class, in name order; one-line errors for a bad folder. */
    public static List<Map.Entry<Path, Emotion>> list(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new EmolensException("photo folder not found: " + folder.toAbsolutePath()
                    + ". Give a folder with one subfolder per class (angry, disgust, fear, happy, sad, surprise, neutral).");
        }
        List<Map.Entry<Path, Emotion>> files = new ArrayList<>();
        List<String> others = new ArrayList<>();
        for (Path dir : sorted(folder)) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            String name = dir.getFileName().toString();
            if (!isEmotion(name)) {
                others.add(name);
                continue;
            }
            Emotion e = Emotion.parse(name);
            for (Path f : sorted(dir)) {
                String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
                if (Files.isRegularFile(f) && IMAGE_TYPES.stream().anyMatch(n::endsWith)) {
                    files.add(Map.entry(f, e));
                }
            }
        }
        if (files.isEmpty()) {
            throw new EmolensException("no photos in " + folder.toAbsolutePath() + ": expected class folders (angry, disgust, fear, happy, sad, "
                    + "surprise, neutral) holding " + String.join("/", IMAGE_TYPES) + " files"
                    + (others.isEmpty() ? "" : "; found only the folders " + others));
        }
        return files;
    }

    private static boolean isEmotion(String name) {
        try {
            Emotion.parse(name);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static List<Path> sorted(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        } catch (IOException e) {
            throw new EmolensException("cannot list " + dir.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
