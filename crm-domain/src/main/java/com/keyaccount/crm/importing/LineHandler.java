package com.keyaccount.crm.importing;

import java.util.Map;
import java.util.function.Consumer;

/** Checks one line (cells by normalised column name), reporting its problems to {@code errors}. */
@FunctionalInterface
public interface LineHandler {

    void line(long lineNo, Map<String, String> cells, Consumer<LineError> errors);
}
