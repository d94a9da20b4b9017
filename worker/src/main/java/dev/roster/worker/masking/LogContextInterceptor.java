package dev.roster.worker.masking;

import dev.roster.workflows.conventions.TaskQueues;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.activity.ActivityInfo;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptor;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptorBase;
import io.temporal.common.interceptors.WorkerInterceptorBase;
import org.slf4j.MDC;

/**
 * Puts what a log line inside an activity is about into the logging context (MDC), for the JSON log
 * lines: besides the SDK's own {@code WorkflowId}, {@code RunId}, {@code ActivityType}, {@code
 * TaskQueue} and {@code Attempt}, the vendor {@code account} (from the account's task queue). Ids
 * and names only: never a person.
 */
public final class LogContextInterceptor extends WorkerInterceptorBase {
  static final String ACCOUNT = "account";

  @Override
  public ActivityInboundCallsInterceptor interceptActivity(ActivityInboundCallsInterceptor next) {
    return new ActivityInboundCallsInterceptorBase(next) {
      private ActivityExecutionContext context;

      @Override
      public void init(ActivityExecutionContext context) {
        this.context = context;
        super.init(context);
      }

      @Override
      public ActivityOutput execute(ActivityInput input) {
        ActivityInfo info = context.getInfo();
        TaskQueues.accountOf(info.getActivityTaskQueue()).ifPresent(a -> MDC.put(ACCOUNT, a));
        try {
          return super.execute(input);
        } finally {
          MDC.remove(ACCOUNT);
        }
      }
    };
  }
}
