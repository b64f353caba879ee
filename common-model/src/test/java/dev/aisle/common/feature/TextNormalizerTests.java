package dev.aisle.common.feature;

import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextNormalizerTests {

    @Test
    void lowerCasesStripsDiacriticsAndCollapsesWhitespace() {
        assertThat(TextNormalizer.normalize("  Crème  Brûlée\tMIXER \n")).isEqualTo("creme brulee mixer");
        assertThat(TextNormalizer.normalize("Ærøskøbing Ñandú")).isEqualTo("ærøskøbing nandu");
        assertThat(TextNormalizer.normalize("plain ascii")).isEqualTo("plain ascii");
        assertThat(TextNormalizer.normalize(null)).isEmpty();
    }

    @Test
    void foldsFullWidthFormsWithNfkc() {
        assertThat(TextNormalizer.normalize("ＮＩＫＥ　ａｉｒ　１２")).isEqualTo("nike air 12");
        assertThat(TextNormalizer.normalize("ﬁne")).isEqualTo("fine");
    }

    @Test
    void keepsIndicVowelSigns() {
        assertThat(TextNormalizer.normalize("हिन्दी")).isEqualTo("हिन्दी");
        assertThat(TextNormalizer.tokenize("हिन्दी किताब")).containsExactly("हिन्दी", "किताब");
    }

    @Test
    void splitsLatinTextIntoLetterAndDigitRuns() {
        assertThat(TextNormalizer.tokenize("Men's T-Shirt, size XL (3.5mm)"))
                .containsExactly("men", "s", "t", "shirt", "size", "xl", "3", "5mm");
    }

    @Test
    void emitsCjkCharactersAndOverlappingBigrams() {
        assertThat(TextNormalizer.tokenize("篮球鞋")).containsExactly("篮", "篮球", "球", "球鞋", "鞋");
        assertThat(TextNormalizer.tokenize("耐克 男子篮球鞋")).containsExactly("耐", "耐克", "克", "男", "男子", "子",
                "子篮", "篮", "篮球", "球", "球鞋", "鞋");
    }

    @Test
    void separatesCjkFromLatinRuns() {
        assertThat(TextNormalizer.tokenize("Nike篮球2024")).containsExactly("nike", "篮", "篮球", "球", "2024");
    }

    @Test
    void dropsStopwords() {
        assertThat(TextNormalizer.tokenize("The Shoes for the Court", TextNormalizer.ENGLISH_STOPWORDS))
                .containsExactly("shoes", "court");
        assertThat(TextNormalizer.tokenize("a b", Set.of("b"))).containsExactly("a");
    }

    @Test
    void tokenizesBlankTextToNothing() {
        assertThat(TextNormalizer.tokenize("  -- ")).isEmpty();
        assertThat(TextNormalizer.tokenize(null)).isEmpty();
    }
}
