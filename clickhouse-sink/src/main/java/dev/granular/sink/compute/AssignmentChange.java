package dev.granular.sink.compute;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Comparator;

/**
 * One assignment that changed in a compute: a user entered or left a segment, or a user property's value
 * changed. Segment values are "true"/"false" (never assigned = "false"); user-property values are canonical
 * JSON, or null for no value.
 */
public record AssignmentChange(String workspaceId, String propertyId, boolean segment, String userId,
    String before, String after, long asOfMs) {

  public boolean entered() {
    return segment && "true".equals(after);
  }

  public boolean left() {
    return segment && "false".equals(after);
  }

  /** The order listed results use: by property, then user. */
  public static final Comparator<AssignmentChange> BY_PROPERTY_AND_USER =
      Comparator.comparing(AssignmentChange::propertyId).thenComparing(AssignmentChange::userId);

  /** For a {@link Spool} of changes. */
  public static final Spool.Codec<AssignmentChange> CODEC = new Spool.Codec<>() {
    @Override
    public void write(DataOutput out, AssignmentChange c) throws IOException {
      Spool.writeString(out, c.workspaceId);
      Spool.writeString(out, c.propertyId);
      out.writeBoolean(c.segment);
      Spool.writeString(out, c.userId);
      Spool.writeString(out, c.before);
      Spool.writeString(out, c.after);
      out.writeLong(c.asOfMs);
    }

    @Override
    public AssignmentChange read(DataInput in) throws IOException {
      return new AssignmentChange(Spool.readString(in), Spool.readString(in), in.readBoolean(), Spool.readString(in),
          Spool.readString(in), Spool.readString(in), in.readLong());
    }
  };
}
