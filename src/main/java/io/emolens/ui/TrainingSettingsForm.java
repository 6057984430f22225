package io.emolens.ui;


import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JFileChooser;
import javax.swing.JLabel;
import javax.swing.JTextField;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JPanel;
import javax.swing.JSpinner;
import javax.swing.SpinnerNumberModel;

import io.emolens.data.LabelMode;
import io.emolens.train.AugmentConfig;
import io.emolens.train.TrainConfig;
import io.emolens.train.VoteLabels;

/** The training settings with their defaults and tooltips; builds a validated {@link TrainConfig}. */
final class TrainingSettingsForm extends FormPanel {
    private final JComboBox<String> architecture = new JComboBox<>(new String[] {"default", "seed"});
    private final JSpinner epochs = spinner(60, 1, 500, 1);
    private final JSpinner batch = spinner(64, 8, 512, 8);
    private final JSpinner learningRate = spinner(1e-3, 1e-6, 0.1, 1e-4);
    private final JSpinner l2 = spinner(1e-4, 0, 0.1, 1e-4);
    private final JSpinner dropout = spinner(0.0, 0, 0.9, 0.05);
    private final JCheckBox keepDropout = new JCheckBox("architecture's own", true);
    private final JSpinner patience = spinner(10, 1, 100, 1);
    private final JCheckBox augment = new JCheckBox("flip, shift, rotate, zoom, contrast", true);
    private final JCheckBox classWeights = new JCheckBox("weight rare classes up", false);
    private final JSpinner averageFrom = spinner(0, 0, 500, 1);
    private final JCheckBox camera = new JCheckBox("low resolution, blur, low light, noise, JPEG", false);
    private final JTextField votes = new JTextField(8);
    private final JButton browseVotes = new JButton("Browse…");
    private final JComboBox<String> labels = new JComboBox<>(new String[] {"fer2013", "votes", "majority", "blend", "agreed"});
    private final JSpinner blend = spinner(0.5, 0.0, 1.0, 0.1);

    TrainingSettingsForm() {
        addRow("Architecture", architecture, "'default': the batch-normalized network Emolens ships; 'seed': the published baseline CNN (2.3 M parameters, ~62% on PrivateTest).");
        addRow("Max epochs", epochs, "Upper bound; early stopping usually ends the run sooner.");
        addRow("Batch size", batch, "Images per weight update (64 is the usual FER2013 setting).");
        addRow("Learning rate", learningRate, "Initial Adam learning rate; halved when validation loss stops improving. 'seed' uses 1e-4.");
        addRow("L2", l2, "Weight decay. More L2 fights over-fitting; too much under-fits.");
        JPanel drop = new JPanel(new java.awt.FlowLayout(java.awt.FlowLayout.LEFT, 0, 0));
        drop.add(dropout);
        drop.add(keepDropout);
        dropout.setEnabled(false);
        keepDropout.addActionListener(e -> dropout.setEnabled(!keepDropout.isSelected()));
        addRow("Dropout rate", drop, "Probability of dropping a unit in the dropout layers; unticked to override the architecture's rates.");
        addRow("Early-stopping patience", patience, "Epochs without validation improvement before training stops; the best epoch is kept.");
        addRow("Augmentation", augment, "Random horizontal flips, shifts, rotations, zoom and brightness/contrast changes of the training faces each epoch: the strongest remedy against over-fitting on FER2013.");
        addRow("Class weights", classWeights, "Weights each class by its rarity (Disgust has only 436 training faces).");
        addRow("Average weights from epoch", averageFrom, "0 = off. From this epoch on the model becomes the mean of every epoch's weights "
                + "(stochastic weight averaging), usually a little better than any single epoch; raise the patience so the run gets there.");
        addRow("Camera distortions", camera, "Also trains on faces as a webcam and the app's own crop give them: each 1 in 4, a small face enlarged, "
                + "blur, low light, sensor noise, JPEG compression (train --camera-augment).");
        JPanel votesRow = new JPanel(new java.awt.BorderLayout(4, 0));
        votesRow.add(votes, java.awt.BorderLayout.CENTER);
        votesRow.add(browseVotes, java.awt.BorderLayout.EAST);
        browseVotes.addActionListener(e -> {
            JFileChooser chooser = new JFileChooser();
            chooser.setDialogTitle("FER+ votes (fer2013new.csv)");
            if (chooser.showOpenDialog(this) == JFileChooser.APPROVE_OPTION) {
                votes.setText(chooser.getSelectedFile().getAbsolutePath());
            }
        });
        addRow("FER+ votes", votesRow, "Optional: Microsoft's FER+ file (ten annotators per FER2013 image). The curves then show how often the "
                + "model agrees with the annotators' majority on PublicTest, and its accuracy on the faces whose FER2013 label is that majority "
                + "(the one that rises only when the network gets better), and the labels below can come from the votes (train --ferplus).");
        JPanel labelRow = new JPanel(new java.awt.FlowLayout(java.awt.FlowLayout.LEFT, 4, 0));
        labelRow.add(labels);
        labelRow.add(new JLabel("votes' share"));
        labelRow.add(blend);
        labels.addActionListener(e -> blend.setEnabled("blend".equals(labels.getSelectedItem()) && labels.isEnabled()));
        blend.setEnabled(false);
        addRow("Labels", labelRow, "With FER+ votes: fer2013 (FER2013's own label), votes (the annotators' vote distribution, Barsoum et al. 2016), "
                + "majority (their clear majority), blend (the votes' share times the distribution plus the rest times FER2013's label) "
                + "or agreed (FER2013's label, only on the images whose label the annotators' majority confirms). "
                + "Contempt, unknown and not-a-face votes are left out; images nobody could label are not trained on (train --label-mode).");
        architecture.addActionListener(e -> {
            boolean seed = "seed".equals(architecture.getSelectedItem());
            learningRate.setValue(seed ? 1e-4 : 1e-3);
            l2.setValue(seed ? 0.0 : 1e-4);
        });
        learningRate.setEditor(new JSpinner.NumberEditor(learningRate, "0.######"));
        l2.setEditor(new JSpinner.NumberEditor(l2, "0.######"));
    }

    /** The settings as a config; throws IllegalArgumentException with the reason when a value is out of range. */
    TrainConfig config() {
        TrainConfig d = TrainConfig.defaults((String) architecture.getSelectedItem());
        double lr = ((Number) learningRate.getValue()).doubleValue();
        return new TrainConfig(d.architecture(), ((Number) epochs.getValue()).intValue(), ((Number) batch.getValue()).intValue(), lr,
                ((Number) l2.getValue()).doubleValue(), keepDropout.isSelected() ? Double.NaN : ((Number) dropout.getValue()).doubleValue(), d.convDropout(),
                ((Number) patience.getValue()).intValue(), d.monitor(), d.lrPatience(), d.lrFactor(), Math.min(d.minLearningRate(), lr),
                d.seed(), augment.isSelected() ? AugmentConfig.DEFAULT.withCamera(camera.isSelected()) : AugmentConfig.NONE.withCamera(camera.isSelected()),
                classWeights.isSelected(), d.trainEvalSize(), d.subsample(), d.checkpointSeconds(), ((Number) averageFrom.getValue()).intValue(),
                voteLabels());
    }

    /** The FER+ votes and label mode chosen, or null without a votes file. */
    private VoteLabels voteLabels() {
        String file = votes.getText().trim();
        String mode = (String) labels.getSelectedItem();
        if (file.isEmpty()) {
            if (!"fer2013".equals(mode)) {
                throw new IllegalArgumentException("the labels '" + mode + "' come from FER+ votes: choose the votes file (fer2013new.csv) first");
            }
            return null;
        }
        LabelMode m = "blend".equals(mode) ? new LabelMode("blend", ((Number) blend.getValue()).doubleValue()) : LabelMode.parse(mode);
        try {
            return VoteLabels.of(java.nio.file.Path.of(file), m);
        } catch (io.emolens.core.EmolensException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    void setEditable(boolean editable) {
        for (JComponent c : new JComponent[] {architecture, epochs, batch, learningRate, l2, keepDropout, patience, augment, classWeights, averageFrom,
                camera, votes, browseVotes, labels}) {
            c.setEnabled(editable);
        }
        blend.setEnabled(editable && "blend".equals(labels.getSelectedItem()));
        dropout.setEnabled(editable && !keepDropout.isSelected());
    }

    /** For tests: the FER+ votes file and label mode, as a user would pick them. */
    void setVotes(java.nio.file.Path file, String mode) {
        votes.setText(file == null ? "" : file.toString());
        labels.setSelectedItem(mode);
    }

    /** For tests: set the epoch limit. */
    void setMaxEpochs(int n) {
        epochs.setValue(n);
    }

    private static JSpinner spinner(double value, double min, double max, double step) {
        return new JSpinner(new SpinnerNumberModel(value, min, max, step));
    }

    private static JSpinner spinner(int value, int min, int max, int step) {
        return new JSpinner(new SpinnerNumberModel(value, min, max, step));
    }
}
