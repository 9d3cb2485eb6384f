package io.github.cxkpi.flink;

import io.github.cxkpi.event.CaseEvent;
import io.github.cxkpi.spi.Aggregator;
import io.github.cxkpi.event.ServiceContact;
import io.github.cxkpi.event.SurveyResponse;
import io.github.cxkpi.spi.KpiSummary;
import org.apache.flink.api.common.typeinfo.TypeInformation;

/**
 * The {@link TypeInformation} of cxkpi's types, to hand to Flink explicitly
 * ({@code fromData(CxkpiTypes.surveyResponses(), ...)}, {@code returns(...)}): each is backed by
 * a serializer of this module, so Flink never falls back to Kryo.
 *
 * @since 0.1.0
 */
public final class CxkpiTypes {
  private CxkpiTypes() {}

  /**
   * Survey responses.
   *
   * @return the type information
   */
  public static TypeInformation<SurveyResponse> surveyResponses() {
    return new SerializerTypeInfo<>(SurveyResponse.class,
        EventSerializers.SurveyResponseSerializer.INSTANCE);
  }

  /**
   * Service contacts.
   *
   * @return the type information
   */
  public static TypeInformation<ServiceContact> serviceContacts() {
    return new SerializerTypeInfo<>(ServiceContact.class,
        EventSerializers.ServiceContactSerializer.INSTANCE);
  }

  /**
   * Case (ticket) events.
   *
   * @return the type information
   */
  public static TypeInformation<CaseEvent> caseEvents() {
    return new SerializerTypeInfo<>(CaseEvent.class, EventSerializers.CaseEventSerializer.INSTANCE);
  }

  /**
   * KPI summaries (the output of the aggregate functions).
   *
   * @return the type information
   */
  public static TypeInformation<KpiSummary> kpiSummaries() {
    return new SerializerTypeInfo<>(KpiSummary.class,
        EventSerializers.KpiSummarySerializer.INSTANCE);
  }

  /**
   * Aggregators of a kind (accumulators and keyed state).
   *
   * @param <A> the aggregator
   * @param kind the kind
   * @return the type information
   */
  public static <A extends Aggregator<?, A, ?>> TypeInformation<A> aggregators(
      AggregatorKind<A> kind) {
    return new SerializerTypeInfo<>(kind.type(), new AggregatorSerializer<>(kind));
  }
}
