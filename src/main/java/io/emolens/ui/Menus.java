package io.emolens.ui;

import java.awt.event.ActionEvent;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.util.List;
import java.util.function.Consumer;

import javax.swing.AbstractAction;
import javax.swing.JCheckBoxMenuItem;
import javax.swing.JMenu;
import javax.swing.JMenuBar;
import javax.swing.JMenuItem;
import javax.swing.KeyStroke;

import io.emolens.source.CameraDevice;
import io.emolens.render.OverlayOptions;

/** Builds the menu bar; every item calls back into the window, which owns the behaviour. */
final class Menus {
    private Menus() {
    }

    /** Callbacks for every menu item. */
    interface Handler {
        void openVideo();

        void openImage();

        void openFolder();

        void playDemo();

        /** Opens a network camera (MJPEG or RTSP URL). */
        void openStream();

        void openCamera(CameraDevice camera);

        List<CameraDevice> cameras();

        /** Camera → Camera settings…: resolution and frame rate of the camera playing. */
        void cameraSettings();

        void quit();

        /** Starts or stops recording a session. */
        void toggleRecording();

        /** Opens a recorded session for review. */
        void openSession();

        /** Chooses where new sessions are recorded. */
        void chooseSessionsFolder();

        void loadModel();

        void detectionOnly();

        void trainModel();

        void manageModels();

        /** Imports a Keras .h5 model into the models folder. */
        void importKerasModel();

        /** Fine-tunes the model in use on the labeled crops of chosen recorded sessions. */
        void personalize();

        void setDarkTheme(boolean dark);

        void setOverlay(OverlayOptions options);

        void detectionSettings();

        OverlayOptions overlay();

        /** Whether cameras are shown mirrored. */
        boolean mirrorCamera();

        void setMirrorCamera(boolean mirror);

        void togglePause();

        void about();

        void shortcuts();
    }

    static JMenuBar build(Handler h, boolean dark) {
        JMenuBar bar = new JMenuBar();
        JMenu file = menu("File", KeyEvent.VK_F);
        file.add(item("Open video…", KeyStroke.getKeyStroke(KeyEvent.VK_O, InputEvent.CTRL_DOWN_MASK), h::openVideo));
        file.add(item("Open image…", KeyStroke.getKeyStroke(KeyEvent.VK_I, InputEvent.CTRL_DOWN_MASK), h::openImage));
        file.add(item("Open folder of images…", KeyStroke.getKeyStroke(KeyEvent.VK_O, InputEvent.CTRL_DOWN_MASK | InputEvent.SHIFT_DOWN_MASK), h::openFolder));
        file.add(item("Play demo clip", KeyStroke.getKeyStroke(KeyEvent.VK_D, InputEvent.CTRL_DOWN_MASK), h::playDemo));
        file.add(item("Open stream…", KeyStroke.getKeyStroke(KeyEvent.VK_N, InputEvent.CTRL_DOWN_MASK), h::openStream));
        JMenu cameras = menu("Camera", KeyEvent.VK_C);
        cameras.addMenuListener(new javax.swing.event.MenuListener() {
            @Override
            public void menuSelected(javax.swing.event.MenuEvent e) {
                fillCameras(cameras, h);
            }

            @Override
            public void menuDeselected(javax.swing.event.MenuEvent e) {
            }

            @Override
            public void menuCanceled(javax.swing.event.MenuEvent e) {
            }
        });
        file.add(cameras);
        file.addSeparator();
        file.add(item("Pause / resume", KeyStroke.getKeyStroke(KeyEvent.VK_SPACE, 0), h::togglePause));
        file.addSeparator();
        file.add(item("Record / Stop recording", KeyStroke.getKeyStroke(KeyEvent.VK_R, InputEvent.CTRL_DOWN_MASK), h::toggleRecording));
        file.add(item("Open session…", KeyStroke.getKeyStroke(KeyEvent.VK_R, InputEvent.CTRL_DOWN_MASK | InputEvent.SHIFT_DOWN_MASK), h::openSession));
        file.add(item("Sessions folder…", null, h::chooseSessionsFolder));
        file.addSeparator();
        file.add(item("Quit", KeyStroke.getKeyStroke(KeyEvent.VK_Q, InputEvent.CTRL_DOWN_MASK), h::quit));
        bar.add(file);

        JMenu model = menu("Model", KeyEvent.VK_M);
        model.add(item("Load model…", KeyStroke.getKeyStroke(KeyEvent.VK_M, InputEvent.CTRL_DOWN_MASK), h::loadModel));
        model.add(item("Manage models…", null, h::manageModels));
        model.add(item("Import Keras model…", null, h::importKerasModel));
        model.add(item("Detection only (unload model)", null, h::detectionOnly));
        model.addSeparator();
        model.add(item("Train model…", KeyStroke.getKeyStroke(KeyEvent.VK_T, InputEvent.CTRL_DOWN_MASK | InputEvent.SHIFT_DOWN_MASK), h::trainModel));
        model.add(item("Personalize with recorded sessions…", null, h::personalize));
        bar.add(model);

        JMenu view = menu("View", KeyEvent.VK_V);
        JCheckBoxMenuItem darkItem = check("Dark theme", dark, KeyStroke.getKeyStroke(KeyEvent.VK_T, InputEvent.CTRL_DOWN_MASK), h::setDarkTheme);
        view.add(darkItem);
        view.addSeparator();
        OverlayOptions o = h.overlay();
        view.add(check("Face boxes and labels", o.boxes(), KeyStroke.getKeyStroke(KeyEvent.VK_B, 0), v -> h.setOverlay(h.overlay().withBoxes(v))));
        view.add(check("Probability bars", o.bars(), KeyStroke.getKeyStroke(KeyEvent.VK_P, 0), v -> h.setOverlay(h.overlay().withBars(v))));
        view.add(check("Face ids", o.ids(), KeyStroke.getKeyStroke(KeyEvent.VK_N, 0), v -> h.setOverlay(h.overlay().withIds(v))));
        view.add(check("Valence gauge (largest face)", o.valence(), KeyStroke.getKeyStroke(KeyEvent.VK_G, 0),
                v -> h.setOverlay(h.overlay().withValence(v))));
        view.add(check("FPS counter", o.fps(), KeyStroke.getKeyStroke(KeyEvent.VK_F, 0), v -> h.setOverlay(h.overlay().withFps(v))));
        view.add(check("Mirror camera", h.mirrorCamera(), KeyStroke.getKeyStroke(KeyEvent.VK_M, 0), h::setMirrorCamera));
        view.addSeparator();
        view.add(item("Face detection…", null, h::detectionSettings));
        bar.add(view);

        JMenu help = menu("Help", KeyEvent.VK_H);
        help.add(item("Keyboard shortcuts", KeyStroke.getKeyStroke(KeyEvent.VK_F1, 0), h::shortcuts));
        help.add(item("About Emolens", null, h::about));
        bar.add(help);
        return bar;
    }

    private static void fillCameras(JMenu menu, Handler h) {
        fillCameras(menu, h.cameras(), h::openCamera, h::cameraSettings);
    }

    /** The Camera menu: one item per capture camera, by name, then the settings; or "No camera found". */
    static void fillCameras(JMenu menu, List<CameraDevice> found, java.util.function.Consumer<CameraDevice> open, Runnable settings) {
        menu.removeAll();
        if (found.isEmpty()) {
            JMenuItem none = new JMenuItem("No camera found");
            none.setEnabled(false);
            menu.add(none);
            return;
        }
        for (CameraDevice camera : found) {
            menu.add(item(camera.label(), null, () -> open.accept(camera)));
        }
        menu.addSeparator();
        menu.add(item("Camera settings…", null, settings));
    }

    private static JMenu menu(String name, int mnemonic) {
        JMenu m = new JMenu(name);
        m.setMnemonic(mnemonic);
        return m;
    }

    static JMenuItem item(String name, KeyStroke key, Runnable action) {
        JMenuItem item = new JMenuItem(new AbstractAction(name) {
            @Override
            public void actionPerformed(ActionEvent e) {
                action.run();
            }
        });
        if (key != null) {
            item.setAccelerator(key);
        }
        return item;
    }

    private static JCheckBoxMenuItem check(String name, boolean selected, KeyStroke key, Consumer<Boolean> onChange) {
        JCheckBoxMenuItem item = new JCheckBoxMenuItem(name, selected);
        item.addActionListener(e -> onChange.accept(item.isSelected()));
        item.setAccelerator(key);
        return item;
    }

    /** Accelerators as shown in Help → Keyboard shortcuts. */
    static String shortcutsText() {
        return String.join("\n",
                "Ctrl+O\tOpen video", "Ctrl+I\tOpen image", "Ctrl+Shift+O\tOpen folder of images", "Ctrl+D\tPlay demo clip", "Ctrl+N\tOpen stream (network camera)",
                "Space\tPause / resume", "Ctrl+R\tRecord / stop recording", "1-7\tYour emotion: Angry, Disgust, Fear, Happy, Sad, Surprise, Neutral",
                "0\tClear your emotion", "Ctrl+Shift+R\tOpen session", "Ctrl+M\tLoad model", "Ctrl+Shift+T\tTrain model", "Ctrl+T\tDark / light theme", "B\tFace boxes and labels",
                "P\tProbability bars", "N\tFace ids", "G\tValence gauge", "F\tFPS counter", "M\tMirror camera", "F1\tKeyboard shortcuts", "Ctrl+Q\tQuit");
    }

}
