import pytest

pytestmark = pytest.mark.elasticsearch


def test_stock_client_talks_to_the_engine_through_the_plain_json_node(elasticsearch_url):
    from college.core.search.elasticsearch import get_client

    client = get_client(elasticsearch_url)
    client.index(index="probe", id="1", document={"title": "矛盾纠纷调解中心"}, refresh=True)
    assert client.count(index="probe")["count"] == 1
