package dev.granular.app.planner;

/**
 * A handler for the one kind of output a branch can hold: its route already decided the kind, so any other
 * kind is a routing bug and fails loudly instead of a blind cast's ClassCastException.
 */
abstract class ExpectedOutput<R> implements PlannerOutput.Handler<R> {
  private R misrouted(PlannerOutput output) {
    throw new IllegalStateException("misrouted planner output " + output.getClass().getSimpleName() + " on route " + PlannerRoute.of(output));
  }

  @Override
  public R task(PlannerOutput.Task task) {
    return misrouted(task);
  }

  @Override
  public R tick(PlannerOutput.Tick tick) {
    return misrouted(tick);
  }

  @Override
  public R parked(PlannerOutput.Parked parked) {
    return misrouted(parked);
  }

  @Override
  public R rejectedDefinition(PlannerOutput.RejectedDefinition rejected) {
    return misrouted(rejected);
  }

  @Override
  public R definitions(PlannerOutput.Definitions definitions) {
    return misrouted(definitions);
  }
}
