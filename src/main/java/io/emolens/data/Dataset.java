package io.emolens.data;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.emolens.core.Emotion;

/**
 * A FER2013 dataset as read from disk: the valid faces per split, the rows that were skipped, and a
 * checksum of the source for model provenance. Immutable.
 *
 * @param source   the CSV file or image-folder root as given by the user
 * @param faces    every valid face, in file order
 * @param issues   the skipped rows or images
 * @param checksum {@code "sha256:<hex>"} of the CSV bytes (decompressed for {@code .gz}, so both forms of a file
 *                 agree), or of the decoded faces for a folder
 */
public record Dataset(String source, List<LabeledFace> faces, DataIssues issues, String checksum) {

    public Dataset {
        faces = List.copyOf(faces);
    }

    /** The faces of one split, in file order. */
    public List<LabeledFace> split(Split split) {
        return faces.stream().filter(f -> f.split() == split).toList();
    }

    /** Number of faces per split and class: {@code counts().get(split)[emotion.index()]}. */
    public Map<Split, int[]> counts() {
        Map<Split, int[]> counts = new EnumMap<>(Split.class);
        for (Split s : Split.values()) {
            counts.put(s, new int[Emotion.COUNT]);
        }
        for (LabeledFace f : faces) {
            counts.get(f.split())[f.emotion().index()]++;
        }
        return counts;
    }
}
