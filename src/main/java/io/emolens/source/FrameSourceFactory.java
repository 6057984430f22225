package io.emolens.source;

import java.nio.file.Path;
import java.util.List;

/** Opens frame sources; the UI and CLI see only this interface, never the grabbers behind it. */
public interface FrameSourceFactory {

    /** Opens a video file, an image file, or a folder of images, chosen by what {@code path} is. */
    FrameSource open(Path path);

    /** Opens camera {@code index}; fails at once with a clear message when it does not exist. */
    FrameSource camera(int index);

    /** Indexes of the cameras present on this machine, possibly empty. */
    List<Integer> cameras();
}
