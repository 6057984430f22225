package io.emolens.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

import javax.swing.JFileChooser;
import javax.swing.JDialog;
import javax.swing.JFrame;
import javax.swing.JOptionPane;
import javax.swing.SwingWorker;
import javax.swing.filechooser.FileNameExtensionFilter;

import io.emolens.pipeline.LivePipeline;
import io.emolens.source.CameraDevice;
import io.emolens.source.CameraMode;
import io.emolens.source.FrameSource;
import io.emolens.source.StreamUrl;

/**
 * Opens the live pipeline's sources for the main window: camera, network stream, video, image, folder or the demo
 * clip, chosen from the menus or remembered from the last run; a source lost while playing can be reconnected. Sources open on a worker thread; the status bar and the
 * preferences are updated on the EDT once the source plays, and a failure is explained in a dialog.
 */
final class SourceController {
    /** How the last source is remembered when it is a camera: "camera:" and {@link CameraDevice#key()}. */
    private static final String CAMERA_PREFIX = "camera:";
    private final JFrame frame;
    private final DesktopServices services;
    private final UiPreferences prefs;
    private final StatusBar status;
    private final VideoPanel video;
    private final LivePipeline pipeline;
    private Start last;
    /** The camera playing (settings apply to it), null while another source plays. */
    private CameraDevice playingCamera;
    private JDialog lostDialog;

    SourceController(JFrame frame, DesktopServices services, UiPreferences prefs, StatusBar status, VideoPanel video,
            LivePipeline pipeline) {
        this.frame = frame;
        this.services = services;
        this.prefs = prefs;
        this.status = status;
        this.video = video;
        this.pipeline = pipeline;
    }

    /** Reopens the last source if it still exists, else the first camera, else the demo clip. */
    void startFirst() {
        String last = prefs.lastSource();
        List<CameraDevice> cameras = services.sources().cameras();
        Optional<CameraDevice> lastCamera = last.startsWith(CAMERA_PREFIX)
                ? CameraDevice.find(last.substring(CAMERA_PREFIX.length()), cameras) : Optional.empty();
        if (last.startsWith(UiPreferences.STREAM_SOURCE)) {
            openStream(last.substring(UiPreferences.STREAM_SOURCE.length()));
        } else if (lastCamera.isPresent()) {
            openCamera(lastCamera.get());
        } else if (last.startsWith("file:") && new File(last.substring(5)).exists()) {
            openPath(Path.of(last.substring(5)), last);
        } else if (!cameras.isEmpty()) {
            openCamera(cameras.get(0));
        } else {
            status.message("No camera found: playing the demo clip. Use File to open a video, image or folder.");
            playDemo();
        }
    }

    void openVideo() {
        choose("Open video", JFileChooser.FILES_ONLY, new FileNameExtensionFilter("Videos", "mp4", "avi", "mkv", "mov", "webm", "m4v", "mpg"));
    }

    void openImage() {
        choose("Open image", JFileChooser.FILES_ONLY, new FileNameExtensionFilter("Images", "png", "jpg", "jpeg", "bmp", "tif", "tiff", "webp"));
    }

    void openFolder() {
        choose("Open folder of images", JFileChooser.DIRECTORIES_ONLY, null);
    }

    void playDemo() {
        Path demo = services.demoClip();
        start("Demo clip (" + demo.getFileName() + ")", () -> services.sources().open(demo), true, "demo");
    }

    void openCamera(CameraDevice camera) {
        Optional<CameraMode> mode = CameraMode.parse(prefs.cameraMode(camera.key()));
        playingCamera = camera;
        start(camera.label(), () -> services.sources().camera(camera, mode), false, CAMERA_PREFIX + camera.key());
    }

    /** Camera → Camera settings…: lists the playing camera's modes (off the EDT), asks, remembers and reopens. */
    void cameraSettings() {
        CameraDevice camera = playingCamera;
        if (camera == null) {
            JOptionPane.showMessageDialog(frame, "No camera is playing. Open one from File → Camera first.", "Camera settings",
                    JOptionPane.INFORMATION_MESSAGE);
            return;
        }
        status.message("Asking " + camera.label() + " for its modes…");
        new SwingWorker<List<CameraMode>, Void>() {
            @Override
            protected List<CameraMode> doInBackground() {
                return services.sources().modes(camera, CameraSettingsDialog.RATES[0]);
            }

            @Override
            protected void done() {
                List<CameraMode> offered;
                try {
                    offered = get();
                } catch (ExecutionException e) {
                    offered = List.of();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                status.message(" ");
                CameraSettingsDialog.ask(frame, camera, offered, CameraMode.parse(prefs.cameraMode(camera.key()))).ifPresent(mode -> {
                    prefs.cameraMode(camera.key(), mode.map(CameraMode::key).orElse(""));
                    openCamera(camera);
                });
            }
        }.execute();
    }

    List<CameraDevice> cameras() {
        return services.sources().cameras();
    }

    /** File → Open stream…: asks for a network camera URL (recent ones offered) and opens it. */
    void openStream() {
        StreamOpener.ask(frame, prefs).ifPresent(this::openStream);
    }

    /**
     * Opens a network camera. A remembered address names its user without the password: the password kept in the
     * keyring is looked up (on a worker), else the user is asked for it.
     */
    void openStream(String url) {
        StreamUrl parsed;
        try {
            parsed = new StreamUrl(url);
        } catch (RuntimeException e) {
            Dialogs.error(frame, "Cannot open stream", e);
            return;
        }
        if (!parsed.lacksPassword()) {
            playStream(parsed);
            return;
        }
        status.source("Opening " + parsed + "…");
        new SwingWorker<java.util.Optional<StreamUrl>, Void>() {
            @Override
            protected java.util.Optional<StreamUrl> doInBackground() {
                return services.passwords().complete(parsed);
            }

            @Override
            protected void done() {
                try {
                    java.util.Optional<StreamUrl> full = get();
                    if (full.isPresent()) {
                        playStream(full.get());
                    } else {
                        askPassword(parsed);
                    }
                } catch (ExecutionException e) {
                    Dialogs.error(frame, "Cannot open " + parsed, e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }.execute();
    }

    private void askPassword(StreamUrl address) {
        java.util.Optional<String> password = StreamOpener.askPassword(frame, address, services.passwords().keeps());
        if (password.isEmpty()) {
            status.source("No source");
            status.message(address + " not opened: it needs its password.");
            return;
        }
        playStream(password.get().isEmpty() ? address : address.withPassword(password.get()));
    }

    /** Plays {@code url}; once it plays its password (if any) is kept and the address remembered without it. */
    private void playStream(StreamUrl url) {
        StreamUrl address = url.withoutPassword();
        prefs.rememberStream(address);
        if (url.password().isPresent() && !services.passwords().keeps()) {
            status.message("The password of " + address + " is not stored (no keyring on this desktop): Emolens asks for it next time.");
        }
        start(url.toString(), () -> {
            FrameSource source = services.sources().stream(url);
            services.passwords().remember(url);
            return source;
        }, false, UiPreferences.STREAM_SOURCE + address.url());
    }

    /** Opens the last source again (after a lost stream or camera). */
    void reconnect() {
        if (last != null) {
            start(last.description(), last.opener(), last.loop(), last.remember());
        }
    }

    /**
     * The source failed while playing (a stream closed or stalled, a camera unplugged): says so, naming it, in the
     * status bar and in a dialog that does not block the window and offers Reconnect.
     */
    void lost(String source, Throwable error) {
        status.message(source + " stopped: " + Dialogs.describe(error));
        JOptionPane pane = new JOptionPane(source + " stopped:\n" + Dialogs.describe(error) + "\n\nIf you were recording, the session is saved.",
                JOptionPane.WARNING_MESSAGE, JOptionPane.DEFAULT_OPTION, null, new Object[] {"Reconnect", "Close"}, "Reconnect");
        JDialog dialog = pane.createDialog(frame, source + " stopped");
        dialog.setName("dialog.sourceLost");
        dialog.setModal(false);
        pane.addPropertyChangeListener(JOptionPane.VALUE_PROPERTY, e -> {
            dialog.dispose();
            if ("Reconnect".equals(pane.getValue())) {
                reconnect();
            }
        });
        lostDialog = dialog;
        dialog.setVisible(true);
    }

    /** The open "source stopped" dialog, if any (for tests). */
    JDialog lostDialog() {
        return lostDialog;
    }

    private void choose(String title, int mode, FileNameExtensionFilter filter) {
        JFileChooser chooser = new JFileChooser(prefs.lastDirectory());
        chooser.setDialogTitle(title);
        chooser.setFileSelectionMode(mode);
        if (filter != null) {
            chooser.setFileFilter(filter);
        }
        if (chooser.showOpenDialog(frame) == JFileChooser.APPROVE_OPTION) {
            Path path = chooser.getSelectedFile().toPath();
            openPath(path, "file:" + path.toAbsolutePath());
        }
    }

    private void openPath(Path path, String remember) {
        prefs.lastDirectory(String.valueOf(path.toAbsolutePath().getParent()));
        start(path.getFileName().toString(), () -> services.sources().open(path), false, remember);
    }

    private record Start(String description, Supplier<FrameSource> opener, boolean loop, String remember) {
    }

    private void start(String description, Supplier<FrameSource> opener, boolean loop, String remember) {
        last = new Start(description, opener, loop, remember);
        if (!remember.startsWith(CAMERA_PREFIX)) {
            playingCamera = null;
        }
        status.source("Opening " + description + "…");
        java.util.concurrent.atomic.AtomicReference<FrameSource> opened = new java.util.concurrent.atomic.AtomicReference<>();
        new SwingWorker<Void, Void>() {
            @Override
            protected Void doInBackground() {
                pipeline.start(() -> {
                    FrameSource source = opener.get();
                    opened.set(source);
                    return source;
                }, loop);
                return null;
            }

            @Override
            protected void done() {
                try {
                    get();
                    FrameSource source = opened.get();
                    status.source(source == null ? description
                            : description + source.mode().map(m -> " · " + m).orElse(""));
                    if (source != null) {
                        source.notice().ifPresent(status::message);
                    }
                    prefs.lastSource(remember);
                } catch (ExecutionException e) {
                    status.source("No source");
                    video.clear("Nothing is playing.\nOpen a video, image or folder from the File menu, or play the demo clip (Ctrl+D).");
                    Dialogs.error(frame, "Cannot open " + description, e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }.execute();
    }
}
