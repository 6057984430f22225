package io.emolens.ui;

import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;

import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;

/** A two-column settings form: a label and its field per row, both carrying the same help as tooltip. */
class FormPanel extends JPanel {
    private int row;

    FormPanel() {
        super(new GridBagLayout());
    }

    final void addRow(String label, JComponent field, String help) {
        GridBagConstraints c = new GridBagConstraints();
        c.gridy = row++;
        c.insets = new Insets(3, 4, 3, 4);
        c.anchor = GridBagConstraints.WEST;
        JLabel l = new JLabel(label);
        l.setToolTipText(help);
        field.setToolTipText(help);
        add(l, c);
        c.gridx = 1;
        c.fill = GridBagConstraints.HORIZONTAL;
        c.weightx = 1;
        add(field, c);
    }
}
