package io.emolens.source;

import java.util.Optional;

import io.emolens.core.EmolensException;
import io.emolens.core.VideoFrame;

/** Opens a camera in the mode the user chose, or, when the camera refuses it, at its default mode with the reason. */
final class CameraNegotiation {
    /** A camera as the negotiation sees it. */
    interface Device {
        /** @throws EmolensException with the camera's reason when it refuses {@code mode} */
        FrameSource open(CameraMode mode);

        FrameSource openDefault();
    }

    private CameraNegotiation() {
    }

    static FrameSource open(Optional<CameraMode> mode, Device device) {
        if (mode.isEmpty()) {
            return device.openDefault();
        }
        try {
            return device.open(mode.get());
        } catch (EmolensException refused) {
            return new Noticed(device.openDefault(), refused.getMessage() + "; opened at its default mode instead.");
        }
    }

    /** A source opened in place of the one asked for, saying why. */
    private record Noticed(FrameSource source, String why) implements FrameSource {
        @Override
        public Optional<VideoFrame> next() {
            return source.next();
        }

        @Override
        public String description() {
            return source.description();
        }

        @Override
        public double frameRate() {
            return source.frameRate();
        }

        @Override
        public long frameCount() {
            return source.frameCount();
        }

        @Override
        public boolean isLive() {
            return source.isLive();
        }

        @Override
        public boolean isCamera() {
            return source.isCamera();
        }

        @Override
        public Optional<String> mode() {
            return source.mode();
        }

        @Override
        public Optional<String> notice() {
            return Optional.of(why);
        }

        @Override
        public void recycle(VideoFrame frame) {
            source.recycle(frame);
        }

        @Override
        public void close() {
            source.close();
        }
    }
}
