package io.emolens.ui;


import javax.swing.JCheckBox;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JPanel;
import javax.swing.JSpinner;
import javax.swing.SpinnerNumberModel;

import io.emolens.train.AugmentConfig;
import io.emolens.train.TrainConfig;

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
                d.seed(), augment.isSelected() ? AugmentConfig.DEFAULT : AugmentConfig.NONE, classWeights.isSelected(),
                d.trainEvalSize(), d.subsample(), d.checkpointSeconds(), ((Number) averageFrom.getValue()).intValue());
    }

    void setEditable(boolean editable) {
        for (JComponent c : new JComponent[] {architecture, epochs, batch, learningRate, l2, keepDropout, patience, augment, classWeights, averageFrom}) {
            c.setEnabled(editable);
        }
        dropout.setEnabled(editable && !keepDropout.isSelected());
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
