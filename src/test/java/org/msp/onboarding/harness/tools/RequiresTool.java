package org.msp.onboarding.harness.tools;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The test class or method runs only where these tools are on the PATH. Without one it is skipped
 * with a line naming the tool and its install command, or fails with that line when {@code
 * -Dtools.required=true} is set.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RequiredToolCondition.class)
public @interface RequiresTool {
  Tool[] value();
}
