package io.emolens.data;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import io.emolens.core.EmolensException;
import io.emolens.core.Emotion;
import io.emolens.core.FaceBox;
import io.emolens.preprocess.FacePreprocessor;
import io.emolens.preprocess.OpenCvFacePreprocessor;

/**
 * Reads the image-folder layout of FER2013 ({@code train/<class>/*.png|jpg}, {@code test/<class>/...}),
 * class folder names case-insensitive. {@code train} is Training; in {@code test}, files named
 * {@code PublicTest_*} are PublicTest and all others PrivateTest (the Kaggle naming); folders named
 * {@code val} or {@code validation} are PublicTest. Images of any size go through the same
 * {@link OpenCvFacePreprocessor} as live inference (whole image, gray, 48x48).
 */
public final class ImageFolderReader implements DatasetReader {
    private final FacePreprocessor preprocessor = new OpenCvFacePreprocessor(0);

    @Override
    public Dataset read(Path root, ReadOptions options) {
        if (!Files.isDirectory(root)) {
            throw new EmolensException("image folder not found: " + root.toAbsolutePath() + ". Check the --data path.");
        }
        List<LabeledFace> faces = new ArrayList<>();
        DataIssues issues = new DataIssues();
        MessageDigest sha = sha256();
        boolean any = false;
        for (Path splitDir : sorted(root)) {
            Optional<Split> folderSplit = splitOf(splitDir.getFileName().toString());
            if (!Files.isDirectory(splitDir) || folderSplit.isEmpty()) {
                continue;
            }
            any = true;
            for (Path classDir : sorted(splitDir)) {
                if (!Files.isDirectory(classDir)) {
                    continue;
                }
                Emotion emotion;
                try {
                    emotion = Emotion.parse(classDir.getFileName().toString());
                } catch (IllegalArgumentException e) {
                    report(issues, options, new DataIssue(IssueKind.UNKNOWN_CLASS_FOLDER, rel(root, classDir), 0,
                            "expected one of " + Emotion.labels() + " (any case)"));
                    continue;
                }
                for (Path image : sorted(classDir)) {
                    if (!isImage(image)) {
                        continue;
                    }
                    String origin = rel(root, image);
                    byte[] pixels = decode(image);
                    if (pixels == null) {
                        report(issues, options, new DataIssue(IssueKind.UNREADABLE_IMAGE, origin, 0,
                                "not a PNG/JPEG image that Java can decode"));
                        continue;
                    }
                    Split split = splitOfFile(folderSplit.get(), image.getFileName().toString());
                    faces.add(new LabeledFace(pixels, emotion, split, origin));
                    sha.update((byte) split.ordinal());
                    sha.update((byte) emotion.index());
                    sha.update(ByteBuffer.wrap(pixels));
                }
            }
        }
        if (!any) {
            throw new EmolensException("no train/ or test/ folder in " + root.toAbsolutePath()
                    + ": expected train/<class>/*.png and test/<class>/*.png (class = Angry, Disgust, ... any case)");
        }
        return new Dataset(root.toString(), faces, issues, "sha256:" + HexFormat.of().formatHex(sha.digest()));
    }

    private byte[] decode(Path image) {
        BufferedImage img;
        try {
            img = ImageIO.read(image.toFile());
        } catch (IOException | RuntimeException e) {
            return null;
        }
        if (img == null) {
            return null;
        }
        if (img.getType() != BufferedImage.TYPE_BYTE_GRAY && img.getType() != BufferedImage.TYPE_3BYTE_BGR) {
            BufferedImage bgr = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
            bgr.getGraphics().drawImage(img, 0, 0, null);
            img = bgr;
        }
        return preprocessor.crop(img, new FaceBox(0, 0, img.getWidth(), img.getHeight()));
    }

    private static void report(DataIssues issues, ReadOptions options, DataIssue issue) {
        if (options.strict()) {
            throw new EmolensException(issue.describe()
                    + ". Fix or remove it, or leave out --strict to skip bad images and get a report.");
        }
        issues.add(issue);
    }

    static Optional<Split> splitOf(String folder) {
        return switch (folder.toLowerCase(Locale.ROOT)) {
            case "train", "training" -> Optional.of(Split.TRAINING);
            case "val", "validation", "publictest" -> Optional.of(Split.PUBLIC_TEST);
            case "test", "privatetest" -> Optional.of(Split.PRIVATE_TEST);
            default -> Optional.empty();
        };
    }

    private static Split splitOfFile(Split folder, String name) {
        if (folder == Split.PRIVATE_TEST && name.toLowerCase(Locale.ROOT).startsWith("publictest_")) {
            return Split.PUBLIC_TEST;
        }
        return folder;
    }

    private static boolean isImage(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return Files.isRegularFile(p) && (n.endsWith(".png") || n.endsWith(".jpg") || n.endsWith(".jpeg"));
    }

    private static List<Path> sorted(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        } catch (IOException e) {
            throw new EmolensException("cannot list folder " + dir.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    private static String rel(Path root, Path p) {
        return root.relativize(p).toString().replace('\\', '/');
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
