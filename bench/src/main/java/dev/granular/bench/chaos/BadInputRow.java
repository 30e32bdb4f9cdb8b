package dev.granular.bench.chaos;

import java.util.Set;

/** One class of bad input fed to the clean run: what it should come to, and what it came to. */
record BadInputRow(String name, String expected, int sent, int deadLettered, Set<String> reasons, boolean ok) {}
