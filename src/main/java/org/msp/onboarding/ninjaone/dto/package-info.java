/**
 * The wire records of NinjaOne's API: the request bodies the service sends and the parts of
 * NinjaOne's answers it reads, named after NinjaOne's own DTOs where its document has them.
 */
package org.msp.onboarding.ninjaone.dto;
