package dev.granular.app.planner;

import dev.granular.avro.ComputeTask;
import dev.granular.avro.Plan;
import java.util.ArrayList;
import java.util.List;

/** What the planner decided after one input: tasks to send, parts parked, a plan completed, and why. */
public final class PlannerActions {
  /** A part that used up its attempts; the plan is parked with it. */
  public record Parked(ComputeTask task, String reason) {}

  private final List<ComputeTask> dispatch = new ArrayList<>();
  private final List<Parked> parked = new ArrayList<>();
  private final List<Plan> completed = new ArrayList<>();
  private String note = "";

  public static PlannerActions none(String note) {
    return new PlannerActions().note(note);
  }

  PlannerActions note(String text) {
    this.note = text;
    return this;
  }

  void dispatch(ComputeTask task) {
    dispatch.add(task);
  }

  void park(ComputeTask task, String reason) {
    parked.add(new Parked(task, reason));
  }

  void completed(Plan plan) {
    completed.add(plan);
  }

  PlannerActions and(PlannerActions more) {
    dispatch.addAll(more.dispatch);
    parked.addAll(more.parked);
    completed.addAll(more.completed);
    note = note.isEmpty() ? more.note : more.note.isEmpty() ? note : note + "; " + more.note;
    return this;
  }

  public List<ComputeTask> dispatch() {
    return dispatch;
  }

  public List<Parked> parked() {
    return parked;
  }

  public List<Plan> completed() {
    return completed;
  }

  public String note() {
    return note;
  }
}
