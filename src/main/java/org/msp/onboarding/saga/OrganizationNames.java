package org.msp.onboarding.saga;

import java.util.List;
import java.util.Optional;

/**
 * Which organizations of the tenant hold a name. NinjaOne's published API answers no 409 for a
 * taken name, so the create step asks this port before every create; implementations keep the
 * answer's cost independent of the tenant's size.
 */
public interface OrganizationNames {

  /**
   * One organization holding a name, with the saga marker of its userData (null when it carries
   * none).
   */
  record Holder(long organizationId, String sagaMarker) {}

  /**
   * Every organization known to hold this name (case-insensitive), oldest first, including every
   * organization created in NinjaOne before this call started. Throws RemoteCallException when
   * NinjaOne cannot be read.
   */
  List<Holder> holdersOf(String name);

  /**
   * The organization carrying this saga marker in its userData, whatever its name now; empty when
   * none does.
   */
  Optional<Long> markedBy(String sagaMarker);

  /**
   * An organization the create step has just created, before its step is recorded. From now on
   * {@link #holdersOf} and {@link #markedBy} answer it even if that record never commits; an index
   * may leave storing it to the record's commit rather than store it twice.
   */
  default void created(long organizationId, String name, String sagaMarker) {}
}
