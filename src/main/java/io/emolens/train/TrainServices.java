package io.emolens.train;

import io.emolens.core.EmolensException;

/**
 * Creates the concrete network factory and model exporter used by the CLI and the UI, over the
 * classify package's architectures and model store.
 */
public final class TrainServices {
    private TrainServices() {
    }

    public static NetworkFactory networks() {
        return config -> {
            throw new EmolensException("architecture '" + config.architecture() + "' is not available in this build yet");
        };
    }

    public static ModelExporter exporter() {
        return (network, info, runDir) -> {
            throw new EmolensException("model export is not available in this build yet");
        };
    }
}
