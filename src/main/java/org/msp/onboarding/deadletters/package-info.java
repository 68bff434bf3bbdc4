/**
 * Dead letters an operator can see and replay: the dead-letter topic read on demand (newest first,
 * cursor pages, filters by client and reason code), and the replay of a letter to the request topic
 * (optionally with a corrected body, validated by the request parser first), recorded in PostgreSQL
 * with who did it.
 */
package org.msp.onboarding.deadletters;
