package dev.casekeeper.cases;

/**
 * A channel's facts record and the name it is stored under; a channel declares one as a bean.
 *
 * @param name the key the facts are stored under, such as {@code email} or {@code chat}
 * @param type the channel's record
 */
public record ChannelFactsType(String name, Class<? extends ChannelFacts> type) {}
