/**
 * The saga rules: the saga and its steps' state with their transitions, each type's declared step
 * list, outcomes, domain events, retry policy, stuck rule, and the ports to NinjaOne and the name
 * index. Plain Java: no storage, Kafka, HTTP or metrics types.
 */
package org.msp.onboarding.saga;
