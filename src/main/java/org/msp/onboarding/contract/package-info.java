/**
 * The published event contract: the JSON Schemas of every request and status event and the AsyncAPI
 * document of the three topics, kept under {@code src/main/resources/contract} and served to anyone
 * (they are public, like the topics' shape they describe).
 */
package org.msp.onboarding.contract;
