package io.emolens.archive;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.Map;

import io.emolens.pipeline.FrameAnalyzer;
import io.emolens.source.FrameSourceFactory;

/**
 * How a Spark executor builds its analyzer: the files it needs (face detector, model) and the wiring, shipped with the
 * job. Made where the app is wired ({@code app}); the job only ships it, so {@code archive} names no concrete stage.
 */
public interface ExecutorSetup extends Serializable {

    /** The files every executor needs, by their path under an Emolens home folder, to be shipped from these paths. */
    Map<String, Path> files();

    /** A new analyzer (detector and classifier, as {@code analyze} builds them) reading its files under {@code home}. */
    FrameAnalyzer analyzer(Path home);

    /** How videos are opened on the executor. */
    FrameSourceFactory sources();

    /** The model and detector, for the console: "model emolens-default.zip, detector haar". */
    String describe();
}
