"""Chinese data of the documents, places and products sections, seen through the engine."""

import pytest

from clusterhouse.documents.decode import decode_bytes
from clusterhouse.documents.outlets import find_source_outlet
from clusterhouse.extraction.places import Gazetteer
from clusterhouse.extraction.products import ProductCatalog, fold


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load()


def test_legacy_encodings_are_guessed_by_common_characters():
    simplified, traditional = "泉州晋江的鞋业企业有三千多家。", "泉州晉江的鞋業企業有三千多家。"
    assert decode_bytes(simplified.encode("gb18030")) == (simplified, "gb18030")
    assert decode_bytes(traditional.encode("big5")) == (traditional, "cp950")


def test_a_credit_label_glued_to_the_outlet_ends_its_name():
    assert find_source_outlet("来源：新华社责任编辑：张三\n\n晋江鞋业增长。") == "Xinhua"


def test_variant_characters_fold_to_the_standard_ones():
    assert fold("家俱衞浴") == "家具卫浴"
    catalog = ProductCatalog.load()
    found = [m.product.product_id for m in catalog.find_mentions("台湾家俱与衞浴产业", "zh")]
    assert found == ["furniture", "sanitary_ware"]


@pytest.mark.parametrize(("text", "code"), [
    ("内蒙的羊绒", "150000"),        # a customary short name
    ("延边州的泡菜", "222400"),      # short name and 州 for an autonomous prefecture
    ("大唐镇的袜子", "330681"),      # a subdistrict still called by its former type word
])
def test_customary_short_forms_are_place_names(gaz, text, code):
    mentions = gaz.find_mentions(text, "zh")
    assert [m.place.admin_code for m in mentions] == [code]
