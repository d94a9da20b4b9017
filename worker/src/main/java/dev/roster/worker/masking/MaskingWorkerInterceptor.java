package dev.roster.worker.masking;

import io.temporal.common.interceptors.ActivityInboundCallsInterceptor;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptorBase;
import io.temporal.common.interceptors.WorkerInterceptorBase;
import io.temporal.worker.WorkerFactoryOptions;

/**
 * Masks the email addresses in every failure an activity raises ({@link MaskedFailures}), whatever
 * raised it: a vendor's message, a library's exception, a check that quoted its input. Installed on
 * every worker factory Roster builds ({@link #factoryOptions()}): the worker's and the tests'.
 */
public final class MaskingWorkerInterceptor extends WorkerInterceptorBase {

  /**
   * The options every Roster worker factory is built with: this masking, and the logging context of
   * activities ({@link LogContextInterceptor}).
   */
  public static WorkerFactoryOptions.Builder factoryOptions() {
    return WorkerFactoryOptions.newBuilder()
        .setWorkerInterceptors(new MaskingWorkerInterceptor(), new LogContextInterceptor());
  }

  @Override
  public ActivityInboundCallsInterceptor interceptActivity(ActivityInboundCallsInterceptor next) {
    return new ActivityInboundCallsInterceptorBase(next) {
      @Override
      public ActivityOutput execute(ActivityInput input) {
        try {
          return super.execute(input);
        } catch (RuntimeException e) {
          throw MaskedFailures.mask(e);
        }
      }
    };
  }
}
