package io.emolens.classify;

/**
 * Where an imported Keras model came from (metadata key {@code keras}); absent for models Emolens trained.
 *
 * @param file          the imported file's name
 * @param sha256        SHA-256 of that file
 * @param kerasVersion  {@code keras_version} written in the file
 * @param backend       {@code backend} written in the file (tensorflow, theano)
 * @param modelClass    Sequential, Model or Functional
 * @param inputChannels channels of the model's input (1, or 3: the gray face is repeated)
 * @param dataFormat    channels_last (TensorFlow's, NHWC) or channels_first (NCHW)
 * @param layers        number of Keras layers
 * @param name          the name given at import (shown instead of the file name), null if none
 */
public record KerasSource(String file, String sha256, String kerasVersion, String backend, String modelClass,
                          int inputChannels, String dataFormat, int layers, String name) {

    public static final String CHANNELS_LAST = "channels_last";
    public static final String CHANNELS_FIRST = "channels_first";
}
