package io.emolens.session;

import java.util.ArrayList;
import java.util.List;

/** Splits one CSV line into fields, honouring double quotes ("a,b" and "" inside quotes). */
final class CsvLine {
    private CsvLine() {
    }

    static List<String> split(String line) {
        List<String> out = new ArrayList<>(20);
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    field.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                out.add(field.toString());
                field.setLength(0);
            } else {
                field.append(ch);
            }
        }
        out.add(field.toString());
        return out;
    }
}
