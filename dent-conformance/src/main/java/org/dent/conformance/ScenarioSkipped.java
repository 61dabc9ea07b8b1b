package org.dent.conformance;

/**
 * The BPP answered that it does not offer what a scenario checks ({@code 40001}, DESIGN.md §2), for a part of the
 * profile a BPP may leave out (contract modification). The scenario then counts as passed and is reported
 * {@code SKIP}: not offering a feature is allowed, offering it wrongly is not.
 */
public class ScenarioSkipped extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ScenarioSkipped(String message) {
    super(message, null, false, false);
  }
}
