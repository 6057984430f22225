package io.emolens.source;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import io.emolens.core.VideoFrame;

/** One frame per image file, in the given order; a single image is a list of one. Files are decoded lazily. */
final class ImageFilesSource implements FrameSource {
    private final List<Path> files;
    private final String description;
    private int index;
    private boolean closed;

    ImageFilesSource(List<Path> files, String description) {
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no image files");
        }
        this.files = List.copyOf(files);
        this.description = description;
    }

    @Override
    public Optional<VideoFrame> next() {
        if (closed) {
            throw new IllegalStateException("source " + description + " is closed");
        }
        if (index >= files.size()) {
            return Optional.empty();
        }
        Path file = files.get(index);
        VideoFrame frame = new VideoFrame(index, 0, file.getFileName().toString(), ImageReader.read(file));
        index++;
        return Optional.of(frame);
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public double frameRate() {
        return 0;
    }

    @Override
    public long frameCount() {
        return files.size();
    }

    @Override
    public boolean isLive() {
        return false;
    }

    @Override
    public void close() {
        closed = true;
    }
}
