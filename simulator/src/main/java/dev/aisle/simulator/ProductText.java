package dev.aisle.simulator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/** Writes believable product titles, descriptions and attributes in English and Chinese. */
final class ProductText {

    private static final List<String> LINE_FIRST = List.of(
            "Air", "Ultra", "Aero", "Core", "Prime", "Nova", "Terra", "Swift", "Urban", "Summit", "Pulse", "Zen",
            "Vista", "Echo", "Luna", "Atlas", "Orbit", "Classic", "Heritage", "Studio", "Flex", "Tempo", "Drift");

    private static final List<String> LINE_SECOND = List.of(
            "Pro", "Max", "Lite", "Plus", "Elite", "Sport", "One", "Go", "X", "Edge", "Select", "Essential", "Active");

    private static final List<String> QUALITIES = List.of(
            "lightweight", "durable", "comfortable", "versatile", "compact", "premium", "everyday", "easy-care",
            "award-winning", "best-selling", "eco-friendly", "ergonomic");

    private static final List<String> BENEFITS = List.of(
            "Designed for all-day comfort and long-lasting performance.",
            "A customer favourite that balances quality and value.",
            "Thoughtful details make it easy to use every day.",
            "Tested for durability and backed by a two-year warranty.",
            "Ships in recyclable packaging.",
            "Easy to clean and simple to store.",
            "Pairs well with the rest of the collection.",
            "Rated highly for fit and finish by thousands of shoppers.");

    private static final List<String> ZH_QUALITIES = List.of(
            "轻量透气", "经典款", "新款", "高性价比", "耐用", "舒适", "时尚百搭", "专业级", "便携", "升级版");

    private static final List<String> ZH_BENEFITS = List.of(
            "做工精细，品质可靠", "舒适耐用，日常必备", "设计简约，百搭实用", "性能出色，好评如潮", "全国包邮，七天无理由退换");

    private static final Map<String, List<String>> VALUES = Map.ofEntries(
            Map.entry("color", List.of("black", "white", "red", "navy", "grey", "green", "blue", "beige", "pink",
                    "olive", "burgundy", "silver")),
            Map.entry("material", List.of("cotton", "polyester", "leather", "mesh", "nylon", "stainless steel",
                    "aluminium", "wood", "bamboo", "wool", "cast iron", "recycled plastic")),
            Map.entry("capacity", List.of("0.5 L", "1 L", "1.5 L", "2 L", "20 L", "30 L", "45 L", "2-person",
                    "4-person")),
            Map.entry("weight", List.of("250 g", "500 g", "1 kg", "2 kg", "5 kg", "10 kg", "20 kg")),
            Map.entry("storage", List.of("64 GB", "128 GB", "256 GB", "512 GB", "1 TB")),
            Map.entry("memory", List.of("8 GB", "16 GB", "32 GB")),
            Map.entry("screen size", List.of("6.1 in", "6.7 in", "13.3 in", "14 in", "15.6 in", "16 in")),
            Map.entry("connectivity", List.of("Bluetooth 5.3", "Wi-Fi", "USB-C", "wired", "2.4 GHz wireless")),
            Map.entry("compatibility", List.of("iPhone", "Android", "universal", "Canon", "Sony", "Nikon")),
            Map.entry("resolution", List.of("12 MP", "20 MP", "24 MP", "33 MP", "45 MP")),
            Map.entry("strap", List.of("silicone", "leather", "metal", "nylon")),
            Map.entry("power", List.of("10 W", "60 W", "800 W", "1200 W", "1500 W")),
            Map.entry("pieces", List.of("4", "12", "16", "100", "500", "1000")),
            Map.entry("skin type", List.of("all", "dry", "oily", "sensitive", "combination")),
            Map.entry("volume", List.of("30 ml", "50 ml", "100 ml", "250 ml", "400 ml")),
            Map.entry("hair type", List.of("all", "curly", "fine", "coloured", "dry")),
            Map.entry("scent", List.of("citrus", "floral", "woody", "fresh", "vanilla")),
            Map.entry("roast", List.of("light", "medium", "dark", "espresso")),
            Map.entry("origin", List.of("Italy", "Colombia", "Ethiopia", "China", "India", "Japan", "Spain")),
            Map.entry("flavor", List.of("original", "sea salt", "honey", "chili", "cocoa", "berry")),
            Map.entry("age", List.of("3+", "5+", "8+", "12+", "adult")),
            Map.entry("players", List.of("1-4", "2-6", "2-8", "3-10")),
            Map.entry("format", List.of("paperback", "hardcover", "e-book")),
            Map.entry("language", List.of("English")));

    private static final List<String> APPAREL_SIZES = List.of("XS", "S", "M", "L", "XL", "XXL");

    private static final List<String> SHOE_SIZES = List.of("US 6", "US 7", "US 8", "US 9", "US 10", "US 11", "US 12");

    private static final List<String> BED_SIZES = List.of("Twin", "Full", "Queen", "King");

    private ProductText() {}

    static String englishTitle(String brand, String noun, Map<String, String> attributes, SplittableRandom random) {
        StringBuilder title = new StringBuilder(brand).append(' ').append(pick(LINE_FIRST, random));
        if (random.nextDouble() < 0.6) {
            title.append(' ').append(pick(LINE_SECOND, random));
        }
        if (random.nextDouble() < 0.3) {
            title.append(' ').append(2 + random.nextInt(8));
        }
        title.append(' ').append(titleCase(noun));
        String color = attributes.get("color");
        if (color != null && random.nextDouble() < 0.5) {
            title.append(", ").append(titleCase(color));
        }
        return title.toString();
    }

    static String englishDescription(String brand, String noun, Taxonomy.Leaf leaf, Map<String, String> attributes,
            SplittableRandom random) {
        String quality = pick(QUALITIES, random);
        String article = "aeiou".indexOf(quality.charAt(0)) >= 0 ? "An " : "A ";
        StringBuilder text = new StringBuilder(article).append(quality).append(' ').append(noun)
                .append(" from ").append(brand).append(" for ")
                .append(leaf.path().get(1).toLowerCase(Locale.ROOT)).append(" lovers. ");
        String material = attributes.get("material");
        if (material != null) {
            text.append("Made of ").append(material).append(". ");
        }
        text.append(pick(BENEFITS, random));
        if (random.nextDouble() < 0.5) {
            text.append(' ').append(pick(BENEFITS, random));
        }
        return text.toString();
    }

    static String chineseTitle(String brand, String noun, SplittableRandom random) {
        return brand + " " + pick(ZH_QUALITIES, random) + noun;
    }

    static String chineseDescription(String brand, String noun, SplittableRandom random) {
        return brand + noun + "，" + pick(ZH_BENEFITS, random) + "。";
    }

    static Map<String, String> attributes(Taxonomy.Leaf leaf, SplittableRandom random) {
        Map<String, String> attributes = new LinkedHashMap<>();
        for (String key : leaf.attributes()) {
            attributes.put(key, pick(values(key, leaf), random));
        }
        return attributes;
    }

    private static List<String> values(String key, Taxonomy.Leaf leaf) {
        if (key.equals("size")) {
            String name = String.join(" ", leaf.path());
            if (name.contains("Shoes") || name.contains("Hiking")) {
                return SHOE_SIZES;
            }
            return name.contains("Bed") ? BED_SIZES : APPAREL_SIZES;
        }
        List<String> values = VALUES.get(key);
        if (values == null) {
            throw new IllegalStateException("no values for attribute " + key);
        }
        return values;
    }

    static String titleCase(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean start = true;
        for (char c : text.toCharArray()) {
            out.append(start ? Character.toUpperCase(c) : c);
            start = c == ' ' || c == '-';
        }
        return out.toString();
    }

    static <T> T pick(List<T> values, SplittableRandom random) {
        return values.get(random.nextInt(values.size()));
    }
}
