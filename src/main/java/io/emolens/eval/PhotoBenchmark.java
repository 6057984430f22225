package io.emolens.eval;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import io.emolens.classify.EmotionClassifier;
import io.emolens.core.EmotionScores;
import io.emolens.core.Emotion;
import io.emolens.core.FaceBox;
import io.emolens.data.PhotoFolderReader;
import io.emolens.detect.FaceDetector;
import io.emolens.preprocess.FacePreprocessor;
import io.emolens.preprocess.FaceTensor;

/**
 * The app end to end on whole labelled photos ({@code DIR/<class>/<photo>}, class folders named as the seven emotions):
 * for each photo the detector's largest face, the preprocessor's crop and the classifier's own inference. A photo without
 * a face counts as wrong. The mistakes can be drawn as a contact sheet: the photo with its box, the crop the model saw,
 * the truth and the label.
 */
public final class PhotoBenchmark {
    private final FaceDetector detector;
    private final FacePreprocessor preprocessor;
    private final EmotionClassifier classifier;
    private final Function<Path, BufferedImage> images;

    /** {@code images} decodes a photo as the app does (an EmolensException naming the file when it cannot). */
    public PhotoBenchmark(FaceDetector detector, FacePreprocessor preprocessor, EmotionClassifier classifier,
                          Function<Path, BufferedImage> images) {
        this.detector = detector;
        this.preprocessor = preprocessor;
        this.classifier = classifier;
        this.images = images;
    }

    /**
     * One photo's outcome.
     *
     * @param file        the photo, relative to the folder
     * @param truth       its class folder
     * @param box         the largest face, or null when none was found
     * @param crop        the 48x48 gray crop the model saw, or null
     * @param probability the model's probabilities, or null
     */
    public record Photo(String file, Emotion truth, FaceBox box, byte[] crop, float[] probability) {
        public boolean found() {
            return box != null;
        }

        public Optional<Emotion> label() {
            return probability == null ? Optional.empty() : Optional.of(new EmotionScores(probability).top());
        }

        public boolean right() {
            return label().map(l -> l == truth).orElse(false);
        }
    }

    /** All photos' outcomes, with the counts {@code evaluate --photos} reports. */
    public record Result(String folder, String detector, String model, List<Photo> photos) {

        public long found() {
            return photos.stream().filter(Photo::found).count();
        }

        public long right() {
            return photos.stream().filter(Photo::right).count();
        }

        /** Right / photos: a photo without a face is wrong. */
        public double accuracy() {
            return photos.isEmpty() ? Double.NaN : (double) right() / photos.size();
        }

        /** Right / photos with a face. */
        public double accuracyFound() {
            return found() == 0 ? Double.NaN : (double) right() / found();
        }

        /** The confusion of the photos with a face (rows truth, columns label). */
        public ConfusionMatrix confusion() {
            ConfusionMatrix m = new ConfusionMatrix();
            photos.stream().filter(Photo::found).forEach(p -> m.add(p.truth(), p.label().orElseThrow()));
            return m;
        }

        public long photos(Emotion e) {
            return photos.stream().filter(p -> p.truth() == e).count();
        }

        /** Photos of class {@code e} labelled {@code e}, over all photos of {@code e} (faces not found count as misses). */
        public double recall(Emotion e) {
            long n = photos(e);
            return n == 0 ? Double.NaN : (double) photos.stream().filter(p -> p.truth() == e && p.right()).count() / n;
        }

        public Map<String, Object> toJson() {
            ConfusionMatrix m = confusion();
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("folder", folder);
            json.put("detector", detector);
            json.put("model", model);
            json.put("photos", photos.size());
            json.put("faces_found", found());
            json.put("right", right());
            json.put("accuracy", accuracy());
            json.put("accuracy_found", accuracyFound());
            json.put("macro_f1_found", m.macroF1());
            Map<String, Object> perClass = new LinkedHashMap<>();
            for (Emotion e : Emotion.values()) {
                Map<String, Object> c = new LinkedHashMap<>();
                c.put("photos", photos(e));
                c.put("faces_found", photos.stream().filter(p -> p.truth() == e && p.found()).count());
                c.put("precision", m.predicted(e) == 0 ? null : m.precision(e));
                c.put("recall", photos(e) == 0 ? null : recall(e));
                c.put("recall_found", m.support(e) == 0 ? null : m.recall(e));
                perClass.put(e.label(), c);
            }
            json.put("per_class", perClass);
            json.put("labels", Emotion.labels());
            json.put("confusion_convention", "photos with a face; rows = true label, columns = the model's label, FER2013 order");
            json.put("confusion", List.of(m.toArray()));
            return json;
        }

        public String format() {
            StringBuilder sb = new StringBuilder();
            sb.append(String.format(Locale.ROOT, "%s with %s, model %s: %d photos, a face in %d; accuracy %.2f%% (%d right; a photo without a face is wrong), "
                    + "%.2f%% of the photos with a face%n", folder, detector, model, photos.size(), found(), 100 * accuracy(), right(), 100 * accuracyFound()));
            ConfusionMatrix m = confusion();
            sb.append(String.format(Locale.ROOT, "%-9s %6s %6s %9s %7s%n", "class", "photos", "found", "precision", "recall"));
            for (Emotion e : Emotion.values()) {
                if (photos(e) == 0 && m.predicted(e) == 0) {
                    continue;
                }
                sb.append(String.format(Locale.ROOT, "%-9s %6d %6d %9s %7s%n", e.label(), photos(e),
                        photos.stream().filter(p -> p.truth() == e && p.found()).count(),
                        m.predicted(e) == 0 ? "-" : String.format(Locale.ROOT, "%.3f", m.precision(e)),
                        photos(e) == 0 ? "-" : String.format(Locale.ROOT, "%.3f", recall(e))));
            }
            sb.append("confusion of the photos with a face (rows = truth, columns = label):\n").append(m.format());
            return sb.toString();
        }
    }

    /** Runs the app on {@code files} of {@code folder} (as {@link #list} gives them); {@code progress} hears each photo done. */
    public Result run(Path folder, List<Map.Entry<Path, Emotion>> files, String detectorName, String modelName,
                      java.util.function.IntConsumer progress) {
        List<Photo> out = new ArrayList<>(files.size());
        for (Map.Entry<Path, Emotion> f : files) {
            BufferedImage image = images.apply(f.getKey());
            String name = folder.relativize(f.getKey()).toString();
            List<FaceBox> faces = detector.detect(image);
            if (faces.isEmpty()) {
                out.add(new Photo(name, f.getValue(), null, null, null));
            } else {
                FaceBox box = faces.get(0);
                byte[] crop = preprocessor.crop(image, box);
                float[] p = classifier.classify(List.of(classifier.inputSpec().input(crop))).get(0).toArray();
                out.add(new Photo(name, f.getValue(), box, crop, p));
            }
            progress.accept(out.size());
        }
        return new Result(folder.toString(), detectorName, modelName, out);
    }

    /** The photos of {@code folder}'s class folders with their class, in name order; one-line errors for a bad folder. */
    public static List<Map.Entry<Path, Emotion>> list(Path folder) {
        return PhotoFolderReader.list(folder);
    }

    /**
     * Writes the mistakes (wrong label or no face) as a contact sheet PNG: per photo, the photo with the detector's box,
     * the 48x48 crop the model saw (enlarged), the truth and the label with its probability. Returns the number drawn.
     */
    public int writeMistakes(Result result, Path folder, Path png, int limit) {
        List<Photo> wrong = result.photos().stream().filter(p -> !p.right()).limit(limit).toList();
        int tileW = 330;
        int tileH = 170;
        int columns = 4;
        int rows = Math.max(1, (wrong.size() + columns - 1) / columns);
        BufferedImage sheet = Offscreen.rgb(columns * tileW, 30 + rows * tileH);
        Graphics2D g = Offscreen.titled(sheet, String.format(Locale.ROOT, "Mistakes: %d of %d photos (%s, %s)%s",
                result.photos().size() - result.right(), result.photos().size(), result.detector(), result.model(),
                wrong.size() < result.photos().size() - result.right() ? ", first " + wrong.size() + " shown" : ""));
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        for (int i = 0; i < wrong.size(); i++) {
            Photo p = wrong.get(i);
            int x = (i % columns) * tileW;
            int y = 30 + (i / columns) * tileH;
            BufferedImage photo = images.apply(folder.resolve(p.file()));
            double scale = 130.0 / Math.max(photo.getWidth(), photo.getHeight());
            int pw = (int) Math.round(photo.getWidth() * scale);
            int ph = (int) Math.round(photo.getHeight() * scale);
            g.drawImage(photo, x + 4, y + 4, pw, ph, null);
            if (p.found()) {
                g.setColor(new Color(0xE53935));
                g.setStroke(new BasicStroke(2));
                FaceBox b = p.box();
                g.drawRect(x + 4 + (int) Math.round(b.x() * scale), y + 4 + (int) Math.round(b.y() * scale),
                        (int) Math.round(b.width() * scale), (int) Math.round(b.height() * scale));
                BufferedImage crop = new BufferedImage(FaceTensor.SIZE, FaceTensor.SIZE, BufferedImage.TYPE_BYTE_GRAY);
                crop.getRaster().setDataElements(0, 0, FaceTensor.SIZE, FaceTensor.SIZE, p.crop());
                g.drawImage(crop, x + 140, y + 4, 96, 96, null);
            }
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            g.drawString("truth " + p.truth().label(), x + 140, y + 116);
            g.drawString(p.found() ? String.format(Locale.ROOT, "label %s %.0f%%", p.label().orElseThrow().label(),
                    100 * new EmotionScores(p.probability()).confidence()) : "no face found", x + 140, y + 132);
            g.setColor(Color.DARK_GRAY);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
            String name = p.file();
            g.drawString(name.length() > 48 ? "…" + name.substring(name.length() - 47) : name, x + 4, y + 152);
        }
        g.dispose();
        Offscreen.writePng(sheet, png, "contact sheet");
        return wrong.size();
    }
}
