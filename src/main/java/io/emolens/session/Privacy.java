package io.emolens.session;

/**
 * What a recording keeps of the people in it.
 *
 * @param blurFaces faces blurred beyond recognition in the videos ({@link RecordingSettings#blurFaces()})
 * @param dataOnly  CSVs and session.json only, no video and no face crops ({@link RecordingSettings#dataOnly()})
 */
public record Privacy(boolean blurFaces, boolean dataOnly) {
    public static final Privacy NONE = new Privacy(false, false);

    /** {@code settings} with these choices applied. */
    public RecordingSettings applyTo(RecordingSettings settings) {
        return settings.withBlurFaces(blurFaces).withDataOnly(dataOnly);
    }
}
