-- A realistic mix of catalog searches (text + facets), cycled in order.
local paths = {
  "/api/search/offerings?q=cardiology",
  "/api/search/offerings?q=cardiology%20chicago&hands_on=true",
  "/api/search/offerings?specialty=pediatrics&state=TX&open_now=true",
  "/api/search/offerings?q=surgery&visa=j1&sort=deadline",
  "/api/search/offerings?q=mercy&start_month=2027-05",
  "/api/search/offerings?type=observership&fee_max=150000",
  "/api/search/offerings?q=internal%20medicine&state=NY&page=2",
  "/api/search/offerings?q=psychiatry%20observation",
  "/api/search/offerings?specialty=emergency_medicine&sort=fee",
  "/api/search/offerings?q=dermatology&open_now=true",
}
local i = 0
request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end
