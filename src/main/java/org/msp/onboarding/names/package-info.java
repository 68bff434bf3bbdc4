/**
 * The index of the tenant's organization names kept in PostgreSQL, which the create step asks
 * before every create, with its incremental refresh and the periodic full scan.
 */
package org.msp.onboarding.names;
